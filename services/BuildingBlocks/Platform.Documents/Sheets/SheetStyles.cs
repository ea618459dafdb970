using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Documents.Sheets;

/// <summary>
/// The one stylesheet every written workbook carries: a fixed, small set of cell formats (title, header, text, number
/// and the three light tones), addressed by the constants below.
/// </summary>
internal static class SheetStyles
{
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Header = 3;
    public const uint Text = 4;
    public const uint CenteredText = 5;
    public const uint Number = 6;
    public const uint Red = 7;
    public const uint Yellow = 8;
    public const uint Green = 9;

    /// <summary>The body font's size in points; the row heights are estimated from it.</summary>
    public const double FontSize = 10;

    /// <summary>The height of one line of body text, in points.</summary>
    public const double LineHeight = 14;

    /// <summary>
    /// The font offices print with; LibreOffice or WPS substitute their own Song face where it is not installed (the
    /// GB2312 character set tells them to pick a Chinese one).
    /// </summary>
    private const string FontName = "宋体";

    public static uint ForTone(CellTone tone) => tone switch
    {
        CellTone.Red => Red,
        CellTone.Yellow => Yellow,
        CellTone.Green => Green,
        _ => Text,
    };

    public static Stylesheet Create()
    {
        const uint plain = 0, bold = 1, title = 2, white = 3;
        const uint grey = 2, red = 3, yellow = 4, green = 5;
        const uint thin = 1;
        return new Stylesheet(
            new Fonts(
                Font(FontSize, bold: false, color: null),
                Font(FontSize, bold: true, color: null),
                Font(16, bold: true, color: null),
                Font(FontSize, bold: true, color: "FFFFFFFF")) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"),
                Solid("FFC00000"),
                Solid("FFFFC000"),
                Solid("FF00B050")) { Count = 6 },
            new Borders(
                new Border(
                    new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    Edge(new LeftBorder()),
                    Edge(new RightBorder()),
                    Edge(new TopBorder()),
                    Edge(new BottomBorder()),
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
            {
                Count = 1,
            },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(title, 0, 0, HorizontalAlignmentValues.Center, wrap: false),
                Format(plain, 0, 0, HorizontalAlignmentValues.Center, wrap: false),
                Format(bold, grey, thin, HorizontalAlignmentValues.Center, wrap: true),
                Format(plain, 0, thin, HorizontalAlignmentValues.Left, wrap: true),
                Format(plain, 0, thin, HorizontalAlignmentValues.Center, wrap: true),
                Format(plain, 0, thin, HorizontalAlignmentValues.Center, wrap: false),
                Format(white, red, thin, HorizontalAlignmentValues.Center, wrap: false),
                Format(bold, yellow, thin, HorizontalAlignmentValues.Center, wrap: false),
                Format(white, green, thin, HorizontalAlignmentValues.Center, wrap: false)) { Count = 10 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, string? color)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        if (color is not null)
        {
            font.Append(new Color { Rgb = color });
        }

        font.Append(
            new FontName { Val = FontName }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill Solid(string rgb) => new(new PatternFill(
        new ForegroundColor { Rgb = rgb },
        new BackgroundColor { Indexed = 64 })
    {
        PatternType = PatternValues.Solid,
    });

    private static T Edge<T>(T edge)
        where T : BorderPropertiesType
    {
        edge.Style = BorderStyleValues.Thin;
        edge.Append(new Color { Indexed = 64 });
        return edge;
    }

    private static CellFormat Format(
        uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, bool wrap) => new(
        new Alignment
        {
            Horizontal = horizontal,
            Vertical = VerticalAlignmentValues.Center,
            WrapText = wrap ? true : null,
        })
    {
        NumberFormatId = 0,
        FontId = font,
        FillId = fill,
        BorderId = border,
        FormatId = 0,
        ApplyFont = true,
        ApplyFill = fill != 0 ? true : null,
        ApplyBorder = border != 0 ? true : null,
        ApplyAlignment = true,
    };
}
