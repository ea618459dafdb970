using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// Checks on a printed .docx (as <see cref="DocumentRendering"/> renders it) that hold for any bulletin, whatever its
/// data: no table squeezed so narrow that its text comes out a character or two a line, and no English on the page.
/// The export tests of the documents and the end-to-end test use them alike.
/// </summary>
public static partial class PrintChecks
{
    /// <summary>The lights as a table or a legend may print them.</summary>
    public static IReadOnlySet<string> LightWords { get; } =
        new HashSet<string>(["红灯", "黄灯", "绿灯", "红", "黄", "绿"], StringComparer.Ordinal);

    /// <summary>
    /// The segments of the printed lines shorter than 4 characters that are not a number or percentage, a light, a
    /// column header of the document, a whole text of the document (a cell such as 无, printed unbroken) or the end of a
    /// longer text of the document (the wrapped tail of a cell or a paragraph), each with its line. A segment is what
    /// <c>pdftotext -layout</c> sets apart by two or more spaces.
    /// </summary>
    public static IReadOnlyList<string> ShortSegments(RenderedDocument rendered, byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var (texts, headers) = Texts(docx);
        var found = new List<string>();
        foreach (var line in rendered.Lines)
        {
            foreach (var segment in Gaps().Split(line.Trim()))
            {
                if (new StringInfo(segment).LengthInTextElements >= 4
                    || Number().IsMatch(segment)
                    || LightWords.Contains(segment)
                    || headers.Contains(segment)
                    || texts.Contains(segment)
                    || texts.Any(t => t.Length > segment.Length && t.EndsWith(segment, StringComparison.Ordinal)))
                {
                    continue;
                }

                found.Add($"「{segment}」 in: {line}");
            }
        }

        return found;
    }

    /// <summary>Fails with the offending lines when <see cref="ShortSegments"/> finds any.</summary>
    public static void AssertNoShortSegments(RenderedDocument rendered, byte[] docx)
    {
        var found = ShortSegments(rendered, docx);
        Assert.True(found.Count == 0, "Text printed a few characters a line:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// The Latin-letter words (two letters or more) printed anywhere, other than the <paramref name="allowed"/> codes
    /// and file names, each with its line.
    /// </summary>
    public static IReadOnlyList<string> LatinWords(RenderedDocument rendered, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var allow = allowed.ToHashSet(StringComparer.Ordinal);
        return rendered.Lines
            .SelectMany(line => Latin().Matches(line)
                .Where(m => !allow.Contains(m.Value))
                .Select(m => $"「{m.Value}」 in: {line}"))
            .ToList();
    }

    /// <summary>Fails with the offending lines when <see cref="LatinWords"/> finds any.</summary>
    public static void AssertNoLatinWords(RenderedDocument rendered, params string[] allowed)
    {
        var found = LatinWords(rendered, allowed);
        Assert.True(found.Count == 0, "English printed in a Chinese document:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Every text of the document, line by line as its breaks set it (body and table paragraphs, headers and footers,
    /// the chart's labels), and the header rows' cells apart.
    /// </summary>
    private static (List<string> Texts, HashSet<string> Headers) Texts(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart ?? throw new InvalidOperationException("The .docx has no main part.");
        var roots = new List<DocumentFormat.OpenXml.OpenXmlElement> { main.Document!.Body! };
        roots.AddRange(main.FooterParts.Select(f => f.Footer!));
        roots.AddRange(main.HeaderParts.Select(h => h.Header!));
        var texts = roots
            .SelectMany(r => r.Descendants<Paragraph>())
            .SelectMany(Lines)
            .Concat(main.ChartParts.SelectMany(c => c.ChartSpace!.Descendants()
                .Where(e => e.LocalName is "v" or "t")
                .Select(e => e.InnerText)))
            .Where(t => t.Length > 0)
            .ToList();
        var headers = main.Document.Body!.Descendants<TableRow>()
            .Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)
            .SelectMany(r => r.Elements<TableCell>().Select(c => c.InnerText))
            .ToHashSet(StringComparer.Ordinal);
        return (texts, headers);
    }

    /// <summary>A paragraph's lines: its text split at its line breaks.</summary>
    private static IEnumerable<string> Lines(Paragraph paragraph)
    {
        var line = new System.Text.StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (element is Text text)
            {
                line.Append(text.Text);
            }
            else if (element is Break)
            {
                yield return line.ToString().Trim();
                line.Clear();
            }
        }

        yield return line.ToString().Trim();
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Gaps();

    [GeneratedRegex(@"^[-+—–]?\s*[\d.,]+\s*%?\s*[—–]?$")]
    private static partial Regex Number();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
