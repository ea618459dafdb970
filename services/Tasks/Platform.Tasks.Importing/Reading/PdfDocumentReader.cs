using System.Text;
using System.Text.RegularExpressions;
using Platform.Tasks.Importing.Parsing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// Reads a PDF's text layer: letters grouped into lines by baseline and ordered left to right, then lines that a
/// paragraph wrapped rejoined (a line continues on the next when the next line's first word would not have fitted before
/// the right margin — that is why it wrapped — unless the next line is indented or starts with a number). Page numbers printed as "- 3 -" are dropped.
/// </summary>
internal static partial class PdfDocumentReader
{
    private sealed record PdfLine(string Text, double Left, double Right, double FontSize, double PageRight, double FirstWordWidth);

    [GeneratedRegex(@"^\s*[-—–]\s*\d{1,4}\s*[-—–]\s*$")]
    private static partial Regex PageNumberRegex();

    public static IReadOnlyList<SourceLine> Read(ReadOnlySpan<byte> content, string fileName)
    {
        var pdfLines = new List<PdfLine>();
        try
        {
            using var document = PdfDocument.Open(content.ToArray());
            foreach (var page in document.GetPages())
            {
                pdfLines.AddRange(PageLines(page));
            }
        }
        catch (Exception e) when (e is not DocumentRejectedException)
        {
            throw new DocumentRejectedException(
                "corrupt-pdf",
                $"“{fileName}”无法作为 PDF 读取（文件损坏或已加密）(the PDF cannot be read: corrupt or encrypted).");
        }

        if (pdfLines.All(l => string.IsNullOrWhiteSpace(l.Text)))
        {
            throw new DocumentRejectedException(
                "pdf-without-text",
                $"“{fileName}”没有文字层（可能是扫描件），请先进行文字识别或提供 Word/文本版本 (the PDF has no text layer, e.g. a scan; provide a text PDF, .docx or .txt).");
        }

        return Rejoin(pdfLines);
    }

    private static IEnumerable<PdfLine> PageLines(Page page)
    {
        var letters = page.Letters.Where(l => l.Value.Length > 0).ToList();
        if (letters.Count == 0)
        {
            yield break;
        }

        var rows = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var size = Math.Max(letter.PointSize, 1);
            var row = rows.Count > 0 && Math.Abs(rows[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) < size * 0.4 ? rows[^1] : null;
            if (row is null)
            {
                rows.Add([letter]);
            }
            else
            {
                row.Add(letter);
            }
        }

        var left = double.MaxValue;
        var built = new List<(string Text, double Left, double Right, double Size, double FirstWord)>();
        foreach (var row in rows)
        {
            var ordered = row.OrderBy(l => l.StartBaseLine.X).ToList();
            var size = ordered.Max(l => Math.Max(l.PointSize, 1));
            var text = new StringBuilder();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i > 0)
                {
                    var gap = ordered[i].StartBaseLine.X - ordered[i - 1].EndBaseLine.X;
                    if (gap > size * 0.3 && !ordered[i].Value.StartsWith(' ') && text.Length > 0 && text[^1] != ' ')
                    {
                        text.Append(' ');
                    }
                }

                text.Append(ordered[i].Value);
            }

            var lineText = text.ToString();
            if (string.IsNullOrWhiteSpace(lineText) || PageNumberRegex().IsMatch(lineText))
            {
                continue;
            }

            var visible = ordered.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var lineLeft = visible.Min(l => l.StartBaseLine.X);
            left = Math.Min(left, lineLeft);
            built.Add((lineText, lineLeft, visible.Max(l => l.EndBaseLine.X), size, FirstWordWidth(visible)));
        }

        // Margins are taken as symmetric: the right margin mirrors the leftmost line start.
        var pageRight = page.Width - left;
        foreach (var (text, lineLeft, right, size, firstWord) in built)
        {
            yield return new PdfLine(text, lineLeft - left, right, size, pageRight, firstWord);
        }
    }

    /// <summary>How wide the line's first unit is: a Latin word or number as a whole (it wraps whole), else one character.</summary>
    private static double FirstWordWidth(List<Letter> visible)
    {
        static bool IsWord(Letter l) => l.Value.Length == 1 && (char.IsAsciiLetterOrDigit(l.Value[0]) || "@._%+-".Contains(l.Value[0]));

        var end = 0;
        while (end + 1 < visible.Count && IsWord(visible[0]) && IsWord(visible[end + 1]))
        {
            end++;
        }

        return visible[end].EndBaseLine.X - visible[0].StartBaseLine.X;
    }

    private static IReadOnlyList<SourceLine> Rejoin(List<PdfLine> lines)
    {
        var result = new List<SourceLine>();
        var current = new StringBuilder();
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            var continues = previous is not null
                && previous.Right + line.FirstWordWidth >= previous.PageRight - previous.FontSize
                && line.Left < line.FontSize * 0.5
                && Numbering.Match(TextNormalizer.Normalize(line.Text.TrimStart())) is null;
            if (continues)
            {
                var joined = TextNormalizer.JoinContinuation(current.ToString(), line.Text.Trim());
                current.Clear().Append(joined);
            }
            else
            {
                if (previous is not null)
                {
                    result.Add(new SourceLine(result.Count + 1, current.ToString()));
                }

                current.Clear().Append(line.Text.TrimEnd());
            }

            previous = line;
        }

        if (previous is not null)
        {
            result.Add(new SourceLine(result.Count + 1, current.ToString()));
        }

        return result;
    }
}
