using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>
/// Typesets a text document as a PDF with a real text layer, the way an office prints one: A4, each source line a
/// paragraph whose first line is indented two characters, long lines wrapped at the margin, pages broken. CJK glyphs come
/// from Debian's fonts-droid-fallback, Latin ones from fonts-dejavu-core.
/// </summary>
public static class PdfFixtureBuilder
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
                $"PDF fixtures need {CjkFontPath} and {LatinFontPath}: apt-get install fonts-droid-fallback fonts-dejavu-core");
        }

        var cjk = TrueTypeHorizontalMetrics.Expand(File.ReadAllBytes(CjkFontPath));
        return (cjk, File.ReadAllBytes(LatinFontPath), TrueTypeFontParser.Parse(new TrueTypeDataBytes(cjk)));
    });

    public static byte[] Build(string text)
    {
        var fonts = Fonts.Value;
        var builder = new PdfDocumentBuilder();
        var writer = new FontSet(builder, fonts.Cjk, fonts.Latin, fonts.CjkFont);
        var page = builder.AddPage(PageWidth, PageHeight);
        var y = PageHeight - Margin;
        var width = PageWidth - (2 * Margin);

        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = Printable(raw.Trim(), fonts.CjkFont);
            if (line.Length == 0)
            {
                y -= Leading / 2;
                continue;
            }

            var indent = FontSize * 2;
            var position = 0;
            while (position < line.Length)
            {
                if (y < Margin)
                {
                    page = builder.AddPage(PageWidth, PageHeight);
                    y = PageHeight - Margin;
                }

                var x = Margin + indent;
                var available = width - indent;
                var end = position;
                var used = 0.0;
                while (end < line.Length && used + writer.Advance(page, line[end]) <= available)
                {
                    used += writer.Advance(page, line[end]);
                    end++;
                }

                // Like Word, wrap Latin words, numbers and addresses whole, between characters only in CJK text.
                var wordStart = end;
                while (end < line.Length && wordStart > position && IsWordChar(line[wordStart - 1]) && IsWordChar(line[wordStart]))
                {
                    wordStart--;
                }

                if (end < line.Length && wordStart > position && wordStart < end)
                {
                    end = wordStart;
                }

                end = Math.Max(end, position + 1);
                writer.Draw(page, line[position..end], x, y);
                position = end;
                indent = 0;
                y -= Leading;
            }
        }

        return builder.Build();
    }

    /// <summary>A character neither font draws (U+FFFD left by a web page's copy, 〈) prints as "?", as a PDF printer would.</summary>
    private static string Printable(string line, TrueTypeFont cjk) =>
        string.Create(line.Length, line, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < 0x80 || cjk.TryGetBoundingBox(c, out _) || LatinFont.Value.TryGetBoundingBox(c, out _) ? c : '?';
            }
        });

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || "@._%+-".Contains(c);

    /// <summary>A PDF whose only page holds a drawn rectangle and no text (a scan without OCR has no text layer either).</summary>
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
