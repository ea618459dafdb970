using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>
/// Typesets a text document as a PDF with a real text layer, the way an office prints one: A4, each source line a
/// paragraph whose first line is indented two characters, long lines wrapped at the margin, pages broken. CJK glyphs
/// come from Debian's fonts-droid-fallback, Latin ones from fonts-dejavu-core.
/// </summary>
public static partial class PdfFixtureBuilder
{
    public const string CjkFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    public const string LatinFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Margin = 56;
    private const double FontSize = 11;
    private const double Leading = 18;

    private static readonly Lazy<TrueTypeFont> LatinFont = new(() =>
        TrueTypeFontParser.Parse(new TrueTypeDataBytes(File.ReadAllBytes(LatinFontPath))));

    private static readonly Lazy<(byte[] Cjk, byte[] Latin, TrueTypeFont CjkFont)> Fonts = new(() =>
    {
        if (!File.Exists(CjkFontPath) || !File.Exists(LatinFontPath))
        {
            throw new InvalidOperationException(
                $"PDF fixtures need {CjkFontPath} and {LatinFontPath}: apt-get install fonts-droid-fallback "
                + "fonts-dejavu-core");
        }

        var cjk = TrueTypeHorizontalMetrics.Expand(File.ReadAllBytes(CjkFontPath));
        return (cjk, File.ReadAllBytes(LatinFontPath), TrueTypeFontParser.Parse(new TrueTypeDataBytes(cjk)));
    });

    /// <summary>
    /// Typesets the text on A4: paragraphs as above, and each block of `|`-joined lines as a drawn table — ruled cells,
    /// each column as wide as its content allows, text wrapped inside its cell, no `|` printed — with the header row
    /// repeated at the top of a page the table continues on. A row with one text spans the table. With
    /// <paramref name="columns"/> = 2 the paragraphs run in two columns, as a bulletin or a newspaper prints them.
    /// </summary>
    public static byte[] Build(string text, int columns = 1)
    {
        var fonts = Fonts.Value;
        var builder = new PdfDocumentBuilder();
        var typesetter = new Typesetter(builder, new FontSet(builder, fonts.Cjk, fonts.Latin, fonts.CjkFont), columns);
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => Printable(l.Trim(), fonts.CjkFont)).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (columns == 1 && IsPipeRow(lines[i]))
            {
                var block = new List<string>();
                while (i < lines.Count && IsPipeRow(lines[i]))
                {
                    block.Add(lines[i++]);
                }

                typesetter.Table(block.Select(DocxFixtureBuilder.Cells).ToList());
                i--;
                continue;
            }

            typesetter.Paragraph(lines[i]);
        }

        return builder.Build();
    }

    private static bool IsPipeRow(string line) => line.Contains('|') || line.Contains('｜');

    private sealed class Typesetter(PdfDocumentBuilder builder, FontSet writer, int columns)
    {
        private const double Padding = 4;
        private const double Gutter = 28;

        private PdfPageBuilder page = builder.AddPage(PageWidth, PageHeight);
        private double y = PageHeight - Margin;
        private int column;

        private double ColumnWidth => (PageWidth - (2 * Margin) - ((columns - 1) * Gutter)) / columns;

        private double ColumnLeft => Margin + (column * (ColumnWidth + Gutter));

        public void Paragraph(string line)
        {
            if (line.Length == 0)
            {
                y -= Leading / 2;
                return;
            }

            var indent = FontSize * 2;
            var position = 0;
            while (position < line.Length)
            {
                if (y < Margin)
                {
                    NextColumn();
                }

                var end = Fit(line, position, ColumnWidth - indent, wrapWords: true);
                writer.Draw(page, line[position..end], ColumnLeft + indent, y);
                position = end;
                indent = 0;
                y -= Leading;
            }
        }

        public void Table(List<string[]> rows)
        {
            var count = rows.Max(r => r.Length);
            var widths = ColumnWidths(rows, count);
            var header = rows[0];
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Select(c => c.Trim()).ToArray();
                var spanning = count > 1 && cells.Count(c => c.Length > 0) == 1 && cells[0].Length > 0 && r > 0
                    && !NumberCell().IsMatch(cells[0]);
                var layout = spanning
                    ? [(Wrap(cells[0], widths.Sum() - (2 * Padding)), 0.0, widths.Sum())]
                    : Cells(cells, widths);
                var height = (layout.Max(l => Math.Max(1, l.Item1.Count)) * Leading) + (2 * Padding);
                if (y - height < Margin && r > 0)
                {
                    Rule(widths);
                    NewPage();
                    DrawRow(Cells([.. header.Select(h => h.Trim())], widths), widths);
                }

                DrawRow(layout, widths);
            }

            Rule(widths);
            y -= Leading;
        }

        /// <summary>Each column's text wrapped to its width (empty for a missing cell), with its left edge.</summary>
        private List<(List<string> Lines, double Left, double Width)> Cells(string[] texts, double[] widths) =>
            Enumerable.Range(0, widths.Length)
                .Select(c => (
                    Wrap(c < texts.Length ? texts[c] : "", widths[c] - (2 * Padding)),
                    widths.Take(c).Sum(),
                    widths[c]))
                .ToList();

        private void DrawRow(List<(List<string> Lines, double Left, double Width)> cells, double[] widths)
        {
            var height = (cells.Max(l => Math.Max(1, l.Lines.Count)) * Leading) + (2 * Padding);
            Rule(widths);
            foreach (var (lines, left, width) in cells)
            {
                page.DrawLine(new PdfPoint(Margin + left, y), new PdfPoint(Margin + left, y - height), 0.5);
                var baseline = y - Padding - FontSize;
                foreach (var line in lines)
                {
                    writer.Draw(page, line, Margin + left + Padding, baseline);
                    baseline -= Leading;
                }
            }

            page.DrawLine(new PdfPoint(Margin + widths.Sum(), y), new PdfPoint(Margin + widths.Sum(), y - height), 0.5);
            y -= height;
        }

        private void Rule(double[] widths)
            => page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(Margin + widths.Sum(), y), 0.5);

        /// <summary>
        /// Each column as wide as its longest cell, the columns scaled down together to the page's width.
        /// </summary>
        private double[] ColumnWidths(List<string[]> rows, int count)
        {
            var available = PageWidth - (2 * Margin);
            var wanted = Enumerable.Range(0, count).Select(c => rows
                .Where(r => r.Length > c && r.Count(x => x.Trim().Length > 0) > 1)
                .Select(r => Measure(r[c].Trim()) + (2 * Padding))
                .DefaultIfEmpty(FontSize * 3).Max())
                .Select(w => Math.Clamp(w, (FontSize * 2) + (2 * Padding), available * 0.55))
                .ToArray();
            var total = wanted.Sum();
            if (total <= available)
            {
                return wanted;
            }

            // Narrow columns (numbers, deadlines) keep their width; the wide ones share what is left.
            var narrow = wanted.Where(w => w <= available / count).Sum();
            var wide = total - narrow;
            return [.. wanted.Select(w => w <= available / count ? w : w * (available - narrow) / wide)];
        }

        private double Measure(string text) => text.Sum(c => writer.Advance(page, c));

        private List<string> Wrap(string text, double width)
        {
            var lines = new List<string>();
            var position = 0;
            while (position < text.Length)
            {
                var end = Fit(text, position, width, wrapWords: true);
                lines.Add(text[position..end]);
                position = end;
            }

            return lines;
        }

        private int Fit(string line, int position, double available, bool wrapWords)
        {
            var end = position;
            var used = 0.0;
            while (end < line.Length && used + writer.Advance(page, line[end]) <= available)
            {
                used += writer.Advance(page, line[end]);
                end++;
            }

            // Like Word, wrap Latin words, numbers and addresses whole, between characters only in CJK text.
            if (wrapWords)
            {
                var wordStart = end;
                while (end < line.Length
                    && wordStart > position
                    && IsWordChar(line[wordStart - 1])
                    && IsWordChar(line[wordStart]))
                {
                    wordStart--;
                }

                if (end < line.Length && wordStart > position && wordStart < end)
                {
                    end = wordStart;
                }
            }

            return Math.Max(end, position + 1);
        }

        private void NextColumn()
        {
            if (++column < columns)
            {
                y = PageHeight - Margin;
                return;
            }

            NewPage();
        }

        private void NewPage()
        {
            page = builder.AddPage(PageWidth, PageHeight);
            y = PageHeight - Margin;
            column = 0;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\D{0,2}\d{1,3}\D{0,2}$")]
    private static partial System.Text.RegularExpressions.Regex NumberCell();

    /// <summary>
    /// A character neither font draws (U+FFFD left by a web page's copy, 〈) prints as "?", as a PDF printer would.
    /// </summary>
    private static string Printable(string line, TrueTypeFont cjk) =>
        string.Create(line.Length, line, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < 0x80 || cjk.TryGetBoundingBox(c, out _) || LatinFont.Value.TryGetBoundingBox(c, out _)
                    ? c
                    : '?';
            }
        });

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || "@._%+-".Contains(c);

    /// <summary>
    /// A PDF whose only page holds a drawn rectangle and no text (a scan without OCR has no text layer either).
    /// </summary>
    public static byte[] BuildWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageWidth, PageHeight);
        page.DrawRectangle(new PdfPoint(100, 100), 300, 200, 2);
        return builder.Build();
    }

    /// <summary>
    /// PdfPig writes simple TrueType fonts, at most 255 characters each: the same font file is added once per 250
    /// characters used.
    /// </summary>
    private sealed class FontSet(PdfDocumentBuilder builder, byte[] cjk, byte[] latin, TrueTypeFont cjkFont)
    {
        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Chars, bool IsCjk)> fonts = [];
        private readonly Dictionary<char, double> advances = [];

        public double Advance(PdfPageBuilder page, char c)
        {
            if (!advances.TryGetValue(c, out var advance))
            {
                var letters = page.MeasureText(c.ToString(), FontSize, new PdfPoint(0, 0), FontFor(c));
                advance = letters.Count == 0 ? FontSize / 2 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                advances[c] = advance;
            }

            return advance;
        }

        public void Draw(PdfPageBuilder page, string text, double x, double y)
        {
            var i = 0;
            while (i < text.Length)
            {
                var font = FontFor(text[i]);
                var j = i + 1;
                while (j < text.Length && ReferenceEquals(FontFor(text[j]), font))
                {
                    j++;
                }

                var letters = page.AddText(text[i..j], FontSize, new PdfPoint(x, y), font);
                x = letters.Count > 0 ? letters[^1].EndBaseLine.X : x;
                i = j;
            }
        }

        private PdfDocumentBuilder.AddedFont FontFor(char c)
        {
            var isCjk = cjkFont.TryGetBoundingBox(c, out _);
            foreach (var entry in fonts)
            {
                if (entry.IsCjk == isCjk && entry.Chars.Contains(c))
                {
                    return entry.Font;
                }
            }

            foreach (var entry in fonts)
            {
                if (entry.IsCjk == isCjk && entry.Chars.Count < 250)
                {
                    entry.Chars.Add(c);
                    return entry.Font;
                }
            }

            var added = builder.AddTrueTypeFont(isCjk ? cjk : latin);
            fonts.Add((added, [c], isCjk));
            return added;
        }
    }
}
