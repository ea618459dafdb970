using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Documents;
using Platform.Documents.Word;

namespace Platform.Reporting.Exports;

/// <summary>
/// The page of an official document (GB/T 9704) the bulletin and the year's document share: A4 with margins of 37, 35,
/// 28 and 26 mm, a 方正小标宋简体 title, 黑体 headings, a 仿宋 body in 三号 (16 pt) on a 28 pt line, numbered pages
/// (<c>— 1 —</c>) and tables whose columns are sized from their content, turned to a landscape section when they do
/// not fit upright.
/// </summary>
internal static class BulletinLayout
{
    public const int PageShortTwips = 11906;
    public const int PageLongTwips = 16838;

    /// <summary>The text's width on an upright page: 210 mm less 28 and 26 mm, 156 mm.</summary>
    public const int PortraitTextTwips = PageShortTwips - LeftMargin - RightMargin;

    /// <summary>The text's width on a landscape page, the side margins kept.</summary>
    public const int LandscapeTextTwips = PageLongTwips - LeftMargin - RightMargin;

    /// <summary>五号 (10.5 pt): the lagging tables, where many columns share the line.</summary>
    public const int SmallTableSize = 21;

    /// <summary>小四 (12 pt): the short tables of figures.</summary>
    public const int TableSize = 24;

    public const string RedFill = "F4B6B6";
    public const string YellowFill = "FFE699";
    public const string GreenFill = "C6E0B4";

    private const int TopMargin = 2098;
    private const int BottomMargin = 1984;
    private const int LeftMargin = 1587;
    private const int RightMargin = 1474;
    private const int BodySize = 32;
    private const int TitleSize = 44;
    private const int BodyLineTwips = 560;
    private const int CellMarginTwips = 85;
    private const string HeadingStyle = "Heading1";
    private const string HeaderFill = "D9D9D9";

    /// <summary>
    /// A row of up to this many lines stays on one page; a longer one may break rather than leave a gap.
    /// </summary>
    private const int UnsplitLines = 8;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Prefix, string Uri)[] Namespaces =
    [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
    ];

    /// <summary>A cell's text, with the colour of its text and the fill of its cell where it has them.</summary>
    public readonly record struct CellText(string Text, string? Color = null, string? Fill = null)
    {
        public static implicit operator CellText(string text) => new(text);
    }

    /// <summary>A table ready to place: its element and whether it needs a landscape page.</summary>
    public sealed record FittedTable(Table Table, bool Landscape);

    /// <summary>
    /// Writes a document: styles, font table, the page-number footer, then the content <paramref name="build"/>
    /// returns as blocks; a block marked landscape starts a landscape section that runs to the end.
    /// </summary>
    public static byte[] Write(Func<MainDocumentPart, IEnumerable<(OpenXmlElement Element, bool Landscape)>> build)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<FontTablePart>().Fonts = OfficialFonts.FontTable();
            var footer = PageNumberFooter.Add(main);
            var body = new Body();
            var landscape = false;
            foreach (var (element, turn) in build(main))
            {
                if (turn && !landscape)
                {
                    body.Append(new Paragraph(
                        new ParagraphProperties(Section(footer, landscape: false))
                        {
                            SpacingBetweenLines = new() { Before = "0", After = "0", Line = "20" },
                        }));
                    landscape = true;
                }

                body.Append(element);
            }

            body.Append(Section(footer, landscape));
            main.Document = DeclareNamespaces(new Document(body));
        }

        return stream.ToArray();
    }

    /// <summary>The title, broken before <paramref name="subject"/> when it is too long for one line.</summary>
    public static Paragraph Title(string text, string subject)
    {
        var cellTwips = TitleSize * 5;
        var at = text.IndexOf(subject, StringComparison.Ordinal);
        var broken = TextWidth.Of(text) * cellTwips > PortraitTextTwips && at > 0
            ? text[..at] + "\n" + text[at..]
            : text;
        return new Paragraph(
            new ParagraphProperties
            {
                SpacingBetweenLines = new()
                {
                    Before = "0", After = "0", Line = "700", LineRule = LineSpacingRuleValues.Exact,
                },
                Justification = Centered(),
                Indentation = NoIndent(),
            },
            TextRun(broken, new RunProperties
            {
                RunFonts = OfficialFonts.Run(OfficialFonts.Title),
                FontSize = new FontSize { Val = TitleSize.ToString(Inv) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = TitleSize.ToString(Inv) },
            }));
    }

    /// <summary>The date line centred under the title, with a blank line after it.</summary>
    public static Paragraph DateLine(string text) => new(
        new ParagraphProperties
        {
            SpacingBetweenLines = new() { Before = "0", After = BodyLineTwips.ToString(Inv) },
            Justification = Centered(),
            Indentation = NoIndent(),
        },
        TextRun(text));

    /// <summary>A first-level heading (一、…) in 黑体, indented two characters as the body.</summary>
    public static Paragraph Heading(string text) =>
        new(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = HeadingStyle } }, TextRun(text));

    /// <summary>A body paragraph, indented two characters.</summary>
    public static Paragraph Body(string text) => new(TextRun(text));

    /// <summary>A centred paragraph on a single line, for a chart or a figure.</summary>
    public static ParagraphProperties CenteredBlock() => new()
    {
        Justification = Centered(),
        Indentation = NoIndent(),
        SpacingBetweenLines = new()
        {
            Before = "120", After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto,
        },
    };

    /// <summary>
    /// A table sized from its content with <see cref="ColumnFit"/>: upright when the wide columns keep their minimum
    /// there, else on a landscape page. The header row repeats on every page; short rows are not split.
    /// </summary>
    public static FittedTable Table(
        IReadOnlyList<TableColumn> columns,
        IReadOnlyList<CellText[]> rows,
        int fontSize,
        CellText[]? totals = null)
    {
        var texts = (totals is null ? rows : rows.Append(totals))
            .Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToArray())
            .ToList();
        var landscape = false;
        var widths = ColumnFit.Widths(columns, texts, PortraitTextTwips, fontSize, 2 * CellMarginTwips);
        if (widths is null)
        {
            landscape = true;
            widths = ColumnFit.Widths(columns, texts, LandscapeTextTwips, fontSize, 2 * CellMarginTwips)
                ?? ColumnFit.Widths(
                    columns.Select(c => c.Sizing == ColumnSizing.Fill ? c with { Cells = 0 } : c).ToList(),
                    texts,
                    LandscapeTextTwips,
                    fontSize,
                    2 * CellMarginTwips)
                ?? Shares(columns.Count);
        }

        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = widths.Sum().ToString(Inv), Type = TableWidthUnitValues.Dxa },
                TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
                TableBorders = Borders(),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa }),
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Inv) })));
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        header.Append(columns.Select((c, i) =>
            Cell(widths[i], new CellText(c.Header, Fill: HeaderFill), fontSize, bold: true, center: true)));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(Row(columns, widths, row, fontSize, bold: false));
        }

        if (totals is not null)
        {
            table.Append(Row(columns, widths, totals, fontSize, bold: true));
        }

        return new FittedTable(table, landscape);
    }

    /// <summary>A light as its cell shows it: the word, in the light's colour on a tint of it.</summary>
    public static CellText LightCell(string word, string color, string fill) => new(word, color, fill);

    public static T DeclareNamespaces<T>(T root)
        where T : OpenXmlElement
    {
        Array.ForEach(Namespaces, n => root.AddNamespaceDeclaration(n.Prefix, n.Uri));
        return root;
    }

    private static int[] Shares(int count) =>
        Enumerable.Range(0, count).Select(_ => LandscapeTextTwips / count).ToArray();

    private static TableRow Row(
        IReadOnlyList<TableColumn> columns, int[] widths, CellText[] cells, int fontSize, bool bold)
    {
        var lines = cells.Select((c, i) => Lines(c.Text, widths[i], fontSize)).DefaultIfEmpty(1).Max();
        var row = new TableRow();
        if (lines <= UnsplitLines)
        {
            row.Append(new TableRowProperties(new CantSplit()));
        }

        row.Append(cells.Select((text, i) =>
            Cell(widths[i], text, fontSize, bold, center: columns[i].Sizing == ColumnSizing.Fit)));
        return row;
    }

    /// <summary>About how many lines a text takes in a column: its width over the column's, line by line.</summary>
    private static int Lines(string text, int width, int fontSize)
    {
        var cells = Math.Max(1, (width - 2 * CellMarginTwips) / (fontSize * 5));
        return XmlText.Clean(text).ReplaceLineEndings("\n").Split('\n')
            .Sum(line => Math.Max(1, (TextWidth.Line(line) + cells - 1) / cells));
    }

    private static TableCell Cell(int width, CellText text, int fontSize, bool bold, bool center)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(Inv), Type = TableWidthUnitValues.Dxa },
            Shading = text.Fill is null
                ? null
                : new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = text.Fill },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
        };
        var size = fontSize.ToString(Inv);
        var paragraph = new Paragraph(
            new ParagraphProperties
            {
                SpacingBetweenLines = new()
                {
                    Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto,
                },
                Indentation = NoIndent(),
                Justification = center ? Centered() : new Justification { Val = JustificationValues.Left },
            },
            TextRun(text.Text, new RunProperties
            {
                Bold = bold ? new Bold() : null,
                Color = text.Color is null ? null : new Color { Val = text.Color },
                FontSize = new FontSize { Val = size },
                FontSizeComplexScript = new FontSizeComplexScript { Val = size },
            }));
        return new TableCell(properties, paragraph);
    }

    private static TableBorders Borders() => new(
        Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>(),
        Edge<InsideHorizontalBorder>(), Edge<InsideVerticalBorder>());

    private static T Edge<T>()
        where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };

    private static Justification Centered() => new() { Val = JustificationValues.Center };

    private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    private static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run { RunProperties = properties is { HasChildren: true } ? properties : null };
        var lines = XmlText.Clean(text).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = OfficialFonts.Run(OfficialFonts.Body),
                FontSize = new FontSize { Val = BodySize.ToString(Inv) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = BodySize.ToString(Inv) },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    Before = "0",
                    After = "0",
                    Line = BodyLineTwips.ToString(Inv),
                    LineRule = LineSpacingRuleValues.Exact,
                },
            })),
        new Style
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            StyleName = new StyleName { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = new StyleParagraphProperties
            {
                Indentation = new Indentation { FirstLine = "640", FirstLineChars = 200 },
                Justification = new Justification { Val = JustificationValues.Both },
            },
        },
        new Style
        {
            Type = StyleValues.Paragraph,
            StyleId = HeadingStyle,
            StyleName = new StyleName { Val = "heading 1" },
            BasedOn = new BasedOn { Val = "Normal" },
            NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
            PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            StyleRunProperties = new StyleRunProperties
            {
                RunFonts = OfficialFonts.Run(OfficialFonts.Heading),
                FontSize = new FontSize { Val = BodySize.ToString(Inv) },
            },
        });

    private static SectionProperties Section(FooterReference footer, bool landscape) => new(
        (FooterReference)footer.CloneNode(true),
        landscape
            ? new PageSize
            {
                Width = (uint)PageLongTwips, Height = (uint)PageShortTwips, Orient = PageOrientationValues.Landscape,
            }
            : new PageSize { Width = (uint)PageShortTwips, Height = (uint)PageLongTwips },
        new PageMargin
        {
            Top = TopMargin,
            Right = (uint)RightMargin,
            Bottom = BottomMargin,
            Left = (uint)LeftMargin,
            Header = 851U,
            Footer = 992U,
            Gutter = 0U,
        });
}
