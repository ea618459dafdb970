using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// What a printed document must not show, read from its PDF text (<see cref="RenderedDocument"/>): a table column so
/// narrow that its words break into one or two characters a line (每个字一行), and English words in a Chinese document.
/// </summary>
public static partial class PrintChecks
{
    private static readonly HashSet<string> LightWords = ["红灯", "黄灯", "绿灯", "红", "黄", "绿"];

    /// <summary>
    /// The printed lines holding a piece of text shorter than 4 characters that is neither a number, a light, a
    /// whole paragraph or cell of the document (a short header such as 序号 or a value such as 合计), nor the wrapped
    /// end of a longer one. pdftotext lays a table's cells out side by side, so each line is split into its pieces
    /// at runs of two or more spaces. Each offender is returned as the piece and its line.
    /// </summary>
    /// <param name="printed">The rendered document.</param>
    /// <param name="texts">Every paragraph and table cell of the document, as written.</param>
    public static IReadOnlyList<string> ShortLines(RenderedDocument printed, IEnumerable<string> texts)
    {
        var known = texts.Select(Squeeze).Where(t => t.Length > 0).ToList();
        var whole = known.ToHashSet(StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var line in printed.Lines)
        {
            foreach (var piece in Pieces().Split(line.Trim()).Select(Squeeze).Where(p => p.Length is > 0 and < 4))
            {
                var allowed = Number().IsMatch(piece)
                    || LightWords.Contains(piece)
                    || whole.Contains(piece)
                    || known.Any(t => t.Length > piece.Length && t.EndsWith(piece, StringComparison.Ordinal));
                if (!allowed)
                {
                    offenders.Add($"「{piece}」 in: {line.Trim()}");
                }
            }
        }

        return offenders;
    }

    /// <summary>
    /// Words of two or more Latin letters in the printed text, other than <paramref name="allowed"/> (codes and file
    /// names the document may name), each with its line.
    /// </summary>
    public static IReadOnlyList<string> LatinWords(RenderedDocument printed, params string[] allowed) =>
        printed.Lines
            .SelectMany(line => Latin().Matches(line)
                .Where(m => !allowed.Contains(m.Value, StringComparer.OrdinalIgnoreCase))
                .Select(m => $"「{m.Value}」 in: {line.Trim()}"))
            .ToList();

    private static string Squeeze(string text) => Blank().Replace(text, string.Empty);

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Pieces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blank();

    [GeneratedRegex(@"^[—\-–]?[+\-]?\d+([.,]\d+)*[%％]?[—\-–]?$")]
    private static partial Regex Number();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
