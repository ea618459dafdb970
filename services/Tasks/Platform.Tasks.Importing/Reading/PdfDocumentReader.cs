using System.Text;
using System.Text.RegularExpressions;
using Platform.Tasks.Importing.Parsing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// Reads a PDF's text layer: letters grouped into lines by baseline and ordered left to right, then lines that a
/// paragraph wrapped rejoined (a line continues on the next when the next line's first word would not have fitted
/// before the right margin — that is why it wrapped — unless the next line is indented or starts with a number). Page
/// numbers printed as "- 3 -" are dropped. A table drawn without `|` is rebuilt from the words' positions: its header's
/// cells give the columns, each later line's pieces fall into them, and the wider gaps between lines separate its rows.
/// A page set in two columns is read left column first.
/// </summary>
internal static partial class PdfDocumentReader
{
    private sealed record PdfLine(
        string Text,
        double Left,
        double Right,
        double FontSize,
        double PageRight,
        double FirstWordWidth)
    {
        /// <summary>A table row's cells, when the line is one (rebuilt from the words' positions).</summary>
        public IReadOnlyList<string>? Cells { get; init; }

        public int? TableId { get; init; }
    }

    /// <summary>
    /// A run of letters on one baseline without a wide gap: one cell's line in a table, else the whole line.
    /// </summary>
    private sealed record Segment(double Left, double Right, string Text);

    /// <summary>Letters on one baseline, and the segments they make.</summary>
    private sealed record TextRow(double Baseline, double Size, List<Letter> Letters, List<Segment> Segments);

    [GeneratedRegex(@"^\s*[-—–]\s*\d{1,4}\s*[-—–]\s*$")]
    private static partial Regex PageNumberRegex();

    public static IReadOnlyList<SourceLine> Read(ReadOnlySpan<byte> content, string fileName)
    {
        var pdfLines = new List<PdfLine>();
        var tables = 0;
        try
        {
            using var document = PdfDocument.Open(content.ToArray());
            foreach (var page in document.GetPages())
            {
                pdfLines.AddRange(PageLines(page, ref tables));
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
                $"“{fileName}”没有文字层（可能是扫描件），请先进行文字识别或提供 Word/文本版本 (the PDF has no text layer, e.g. a scan; provide a "
                + "text PDF, .docx or .txt).");
        }

        return Rejoin(pdfLines);
    }

    private static List<PdfLine> PageLines(Page page, ref int tables)
    {
        var letters = page.Letters.Where(l => l.Value.Length > 0).ToList();
        var lines = new List<PdfLine>();
        if (letters.Count == 0)
        {
            return lines;
        }

        // A page set in two columns is read column by column, each with its own margins. A page holding a table (rows
        // of three cells or more) is not taken for two columns, whatever gaps its columns leave.
        var rows = Rows(letters);
        var tableLike = rows.Count(r => r.Segments.Count >= 3) >= 2;
        if (!tableLike && Gutter(letters, page.Width) is { } gutter)
        {
            var left = letters.Where(l => l.StartBaseLine.X < gutter).ToList();
            var right = letters.Where(l => l.StartBaseLine.X >= gutter).ToList();
            lines.AddRange(RegionLines(Rows(left), left.Max(l => l.EndBaseLine.X), ref tables));
            lines.AddRange(RegionLines(Rows(right), right.Max(l => l.EndBaseLine.X), ref tables));
            return lines;
        }

        // Margins are taken as symmetric: the right margin mirrors the leftmost line start.
        var visibleLeft = LeftmostStart(letters);
        lines.AddRange(RegionLines(rows, page.Width - visibleLeft, ref tables));
        return lines;
    }

    /// <summary>
    /// The x of a gutter between two columns of text: a band near the page's middle, wider than two characters, that
    /// (almost) no letter falls in while both sides hold text on most lines. Null for a page of one column.
    /// </summary>
    private static double? Gutter(List<Letter> letters, double pageWidth)
    {
        var size = letters.Select(l => Math.Max(l.PointSize, 1)).OrderBy(x => x).ElementAt(letters.Count / 2);
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count < 200)
        {
            return null;
        }

        for (var x = pageWidth * 0.4; x <= pageWidth * 0.6; x += size / 2)
        {
            var inBand = visible.Count(l => l.EndBaseLine.X > x - size && l.StartBaseLine.X < x + size);
            var left = visible.Count(l => l.EndBaseLine.X <= x - size);
            var right = visible.Count(l => l.StartBaseLine.X >= x + size);
            if (inBand * 100 < visible.Count && left > visible.Count / 4 && right > visible.Count / 4)
            {
                return x;
            }
        }

        return null;
    }

    /// <summary>Where the leftmost visible letter starts (0 when there is none).</summary>
    private static double LeftmostStart(IEnumerable<Letter> letters) =>
        letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.StartBaseLine.X).DefaultIfEmpty(0).Min();

    private static List<PdfLine> RegionLines(List<TextRow> rows, double regionRight, ref int tables)
    {
        var left = LeftmostStart(rows.SelectMany(r => r.Letters));
        var lines = new List<PdfLine>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (TableAt(rows, i) is { } table)
            {
                var id = ++tables;
                foreach (var cells in table.Rows)
                {
                    var text = string.Join(" | ", cells.Select(c => c.Replace('\n', ' ')));
                    lines.Add(new PdfLine(text, 0, regionRight, rows[i].Size, regionRight, 0)
                    {
                        Cells = cells,
                        TableId = id,
                    });
                }

                i = table.End - 1;
                continue;
            }

            var row = rows[i];
            var lineText = Text(row.Letters, row.Size);
            if (string.IsNullOrWhiteSpace(lineText) || PageNumberRegex().IsMatch(lineText))
            {
                continue;
            }

            var visible = row.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var lineLeft = visible.Min(l => l.StartBaseLine.X);
            lines.Add(new PdfLine(
                lineText,
                lineLeft - left,
                visible.Max(l => l.EndBaseLine.X),
                row.Size,
                regionRight,
                FirstWordWidth(visible)));
        }

        return lines;
    }

    private static List<TextRow> Rows(List<Letter> letters)
    {
        var groups = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var size = Math.Max(letter.PointSize, 1);
            var row = groups.Count > 0 && Math.Abs(groups[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) < size * 0.4
                ? groups[^1]
                : null;
            if (row is null)
            {
                groups.Add([letter]);
            }
            else
            {
                row.Add(letter);
            }
        }

        return [.. groups.Select(g =>
        {
            var ordered = g.OrderBy(l => l.StartBaseLine.X).ToList();
            var size = ordered.Max(l => Math.Max(l.PointSize, 1));
            return new TextRow(ordered[0].StartBaseLine.Y, size, ordered, Segments(ordered, size));
        })];
    }

    /// <summary>
    /// Splits a row where the gap between letters is wider than a character: there one cell ends and the next begins.
    /// </summary>
    private static List<Segment> Segments(List<Letter> ordered, double size)
    {
        var segments = new List<Segment>();
        var current = new List<Letter>();
        foreach (var letter in ordered.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            if (current.Count > 0 && letter.StartBaseLine.X - current[^1].EndBaseLine.X > size * 0.6)
            {
                segments.Add(new Segment(current[0].StartBaseLine.X, current[^1].EndBaseLine.X, Text(current, size)));
                current = [];
            }

            current.Add(letter);
        }

        if (current.Count > 0)
        {
            segments.Add(new Segment(current[0].StartBaseLine.X, current[^1].EndBaseLine.X, Text(current, size)));
        }

        return segments;
    }

    private static string Text(List<Letter> ordered, double size)
    {
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

        return text.ToString();
    }

    /// <summary>
    /// A table drawn without `|` starting at a row: a header of three or more segments, then rows whose every segment
    /// starts at a column of the header and ends before the next column; a row of one text starting at the first column
    /// spans the table when a row of cells follows it. Lines of one table row are closer together than the rows (the
    /// cells' padding), and when all lines are evenly spaced each is a row; each table row's cells are its segments per
    /// column, lines joined.
    /// </summary>
    private static (List<string[]> Rows, int End)? TableAt(List<TextRow> rows, int start)
    {
        var header = rows[start];
        if (header.Segments.Count < 3)
        {
            return null;
        }

        var size = header.Size;
        var columns = header.Segments.Select(s => s.Left).ToArray();
        int? ColumnOf(Segment s)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var nextStart = c + 1 < columns.Length ? columns[c + 1] : double.MaxValue;
                if (Math.Abs(s.Left - columns[c]) < size * 0.6 && s.Right < nextStart)
                {
                    return c;
                }
            }

            return null;
        }

        bool Fits(TextRow row) => row.Segments.Count > 0 && row.Segments.All(s => ColumnOf(s) is not null);
        bool Spans(int i) => rows[i].Segments.Count == 1 && Math.Abs(rows[i].Segments[0].Left - columns[0]) < size * 0.6
            && i + 1 < rows.Count && Fits(rows[i + 1]) && rows[i + 1].Segments.Count >= 2;

        var end = start + 1;
        while (end < rows.Count && (Fits(rows[end]) || Spans(end)))
        {
            end++;
        }

        if (end - start < 2)
        {
            return null;
        }

        // Rows of the table: a gap between lines wider than the table's line spacing starts a row.
        var gaps = Enumerable.Range(start + 1, end - start - 1)
            .Select(i => rows[i - 1].Baseline - rows[i].Baseline)
            .ToList();
        // When every gap is the same, every line is a row of its own (no cell wrapped).
        var spacing = gaps.Min();
        var uniform = gaps.Max() <= spacing * 1.25;
        var result = new List<string[]>();
        string[]? cells = null;
        for (var i = start; i < end; i++)
        {
            if (cells is null || uniform || rows[i - 1].Baseline - rows[i].Baseline > spacing * 1.25)
            {
                if (cells is not null)
                {
                    result.Add(cells);
                }

                cells = [.. Enumerable.Repeat("", columns.Length)];
            }

            var spanning = !Fits(rows[i]);
            foreach (var segment in rows[i].Segments)
            {
                var c = spanning ? 0 : ColumnOf(segment)!.Value;
                cells[c] = TextNormalizer.JoinContinuation(cells[c], segment.Text.Trim());
            }
        }

        result.Add(cells!);
        return (result, end);
    }

    /// <summary>
    /// How wide the line's first unit is: a Latin word or number as a whole (it wraps whole), else one character.
    /// </summary>
    private static double FirstWordWidth(List<Letter> visible)
    {
        static bool IsWord(Letter l)
            => l.Value.Length == 1 && (char.IsAsciiLetterOrDigit(l.Value[0]) || "@._%+-".Contains(l.Value[0]));

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
            if (line.Cells is not null)
            {
                if (previous is not null)
                {
                    result.Add(new SourceLine(result.Count + 1, current.ToString()));
                }

                result.Add(new SourceLine(result.Count + 1, line.Text, line.Cells, line.TableId));
                current.Clear();
                previous = null;
                continue;
            }

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
