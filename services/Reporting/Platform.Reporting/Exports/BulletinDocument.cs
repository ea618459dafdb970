using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Platform.Reporting.Exports;

/// <summary>Renders a <see cref="BulletinData"/> as a Word document with a native stacked bar chart.</summary>
public static class BulletinDocument
{
    private const string BodyFont = "SimSun";
    private const string HeadingFont = "SimHei";
    private const string LatinFont = "Times New Roman";
    private const string HeadingStyle = "Heading1";
    private const string HeaderFill = "D9D9D9";
    private const string ChartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const int TextWidthTwips = 11906 - 2 * 1440;
    private const long ChartWidthEmu = 5_400_000;
    private const long ChartHeightEmu = 3_240_000;
    private const uint CategoryAxisId = 48_650_112;
    private const uint ValueAxisId = 48_672_768;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Regex NonXmlChars =
        new(@"[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]");

    private static readonly (string Prefix, string Uri)[] Namespaces =
    [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("c", ChartNamespace),
    ];

    private static readonly (string Name, string Color, Func<BulletinCategory, int> Value)[] Lights =
    [
        ("绿灯", "2E7D32", c => c.Green),
        ("黄灯", "F9A825", c => c.Yellow),
        ("红灯", "C62828", c => c.Red),
    ];

    internal readonly record struct Column(string Header, int Weight, bool Center = true);

    internal readonly record struct CellText(string Text, string? Color = null)
    {
        public static implicit operator CellText(string text) => new(text);
    }

    /// <summary>Builds the bulletin and returns the .docx bytes.</summary>
    /// <param name="data">Bulletin content; every string is treated as plain text.</param>
    /// <exception cref="ArgumentException"><see cref="BulletinData.Period"/> is not <c>yyyy-MM</c>.</exception>
    public static byte[] Write(BulletinData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!DateOnly.TryParseExact(data.Period, "yyyy-MM", Inv, DateTimeStyles.None, out var month))
        {
            throw new ArgumentException($"Period must be yyyy-MM, got '{data.Period}'.", nameof(data));
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = BuildStyles();
            OpenXmlElement[] content =
            [
                Title(string.Create(Inv, $"{data.DistrictName}{month.Year}年{month.Month}月重点任务推进情况通报")),
                Plain("生成日期：" + data.GeneratedOn.ToString("yyyy-MM-dd", Inv)),
                Heading("一、总体情况"),
                Plain(Summary(data.Totals), indent: true),
                Heading("二、分类亮灯情况"),
                .. data.Categories.Count == 0
                    ? [Plain("暂无数据。")]
                    : new OpenXmlElement[] { ChartParagraph(main, data.Categories), CategoryTable(data.Categories) },
                Heading("三、滞后任务"),
                data.Lagging.Count == 0 ? Plain("本月无滞后任务。") : LaggingTable(data.Lagging),
                Heading("四、逾期未报单位"),
                data.LateUnits.Count == 0 ? Plain("本月无逾期未报单位。") : LateUnitTable(data.LateUnits),
                PageSetup(),
            ];
            main.Document = DeclareNamespaces(new Document(new Body(content)));
        }

        return stream.ToArray();
    }

    private static string Summary(BulletinTotals t) => string.Create(
        Inv,
        $"本月共 {t.Tasks} 项任务，已报送 {t.Reported} 项（按时 {t.OnTime} 项，已审核 {t.Accepted} 项），逾期未报 {t.Overdue} 项；" +
        $"绿灯 {t.Green} 项、黄灯 {t.Yellow} 项、红灯 {t.Red} 项；自评与灯色不一致 {t.Disagreements} 项。");

    private static Table CategoryTable(IReadOnlyList<BulletinCategory> categories)
    {
        var rows = categories.Select(c => Cells(c.Name, c.Green, c.Yellow, c.Red, c.Green + c.Yellow + c.Red));
        int green = categories.Sum(c => c.Green),
            yellow = categories.Sum(c => c.Yellow),
            red = categories.Sum(c => c.Red);
        var totals = Cells("合计", green, yellow, red, green + yellow + red);
        Column[] columns = [new("类别", 3, false), new("绿灯", 1), new("黄灯", 1), new("红灯", 1), new("合计", 1)];
        return Grid(columns, rows, totals);
    }

    private static CellText[] Cells(string name, params int[] numbers) =>
        [name, .. numbers.Select(n => new CellText(n.ToString(Inv)))];

    private static Table LaggingTable(IReadOnlyList<BulletinLagging> lagging)
    {
        Column[] columns =
        [
            new("序号", 2), new("类别", 2), new("牵头单位", 3), new("灯色", 2),
            new("原因", 5, false), new("存在的问题", 5, false),
        ];
        var rows = lagging.Select(l => new CellText[]
        {
            l.Number,
            l.Category,
            l.LeadUnit,
            LightCell(l.Light),
            l.Reasons,
            l.Problems,
        });
        return Grid(columns, rows);
    }

    private static CellText LightCell(string light) => light switch
    {
        "红" => new("红灯", Lights[2].Color),
        "黄" => new("黄灯", Lights[1].Color),
        _ => new(light),
    };

    private static Table LateUnitTable(IReadOnlyList<BulletinLateUnit> units)
    {
        Column[] columns = [new("单位", 3, false), new("逾期项数", 1)];
        return Grid(columns, units.Select(u => new CellText[] { u.Unit, u.Late.ToString(Inv) }));
    }

    internal static Table Grid(Column[] columns, IEnumerable<CellText[]> rows, CellText[]? totals = null)
    {
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => TextWidthTwips * c.Weight / totalWeight).ToArray();
        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = widths.Sum().ToString(Inv), Type = TableWidthUnitValues.Dxa },
                TableBorders = Borders(),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Inv) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(columns.Select((c, i) => Cell(widths[i], c.Header, bold: true, center: true, HeaderFill)));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((text, i) => Cell(widths[i], text, false, columns[i].Center))));
        }

        if (totals is not null)
        {
            table.Append(new TableRow(totals.Select((text, i) => Cell(widths[i], text, true, columns[i].Center))));
        }

        return table;
    }

    private static TableCell Cell(int width, CellText text, bool bold, bool center, string? fill = null)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(Inv), Type = TableWidthUnitValues.Dxa },
            Shading = fill is null
                ? null
                : new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
        };
        var paragraph = new Paragraph(
            new ParagraphProperties
            {
                SpacingBetweenLines = new()
                {
                    Before = "0",
                    After = "0",
                    Line = "300",
                    LineRule = LineSpacingRuleValues.Auto,
                },
                Justification = center ? Centered() : null,
            },
            TextRun(text.Text, new RunProperties
            {
                Bold = bold ? new Bold() : null,
                Color = text.Color is null ? null : new Color { Val = text.Color },
            }));
        return new TableCell(properties, paragraph);
    }

    private static TableBorders Borders() => new(
        Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>(),
        Edge<InsideHorizontalBorder>(), Edge<InsideVerticalBorder>());

    private static T Edge<T>()
        where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };

    private static Paragraph ChartParagraph(MainDocumentPart main, IReadOnlyList<BulletinCategory> categories) =>
        ChartParagraph(main, categories, c => c.Name, Lights, "分类亮灯情况图");

    /// <summary>A native stacked column chart: one column per row, one coloured series per value.</summary>
    internal static Paragraph ChartParagraph<T>(
        MainDocumentPart main,
        IReadOnlyList<T> rows,
        Func<T, string> name,
        (string Name, string Color, Func<T, int> Value)[] series,
        string title)
    {
        var chartPart = main.AddNewPart<ChartPart>();
        chartPart.ChartSpace = BuildChartSpace(rows, name, series);
        var inline = new DW.Inline(
            new DW.Extent { Cx = ChartWidthEmu, Cy = ChartHeightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(
                new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(chartPart) }) { Uri = ChartNamespace }));
        return new Paragraph(
            new ParagraphProperties { Justification = Centered() },
            new Run(new Drawing(inline)));
    }

    private static C.ChartSpace BuildChartSpace<T>(
        IReadOnlyList<T> categories,
        Func<T, string> name,
        (string Name, string Color, Func<T, int> Value)[] series)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        bar.Append(series.Select((light, i) => Series((uint)i, light, categories, name)));
        bar.Append(
            new C.GapWidth { Val = 80 },
            new C.Overlap { Val = 100 },
            new C.AxisId { Val = CategoryAxisId },
            new C.AxisId { Val = ValueAxisId });
        return DeclareNamespaces(new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(new C.Layout(), bar, CategoryAxis(), ValueAxis()),
                new C.Legend(
                    new C.LegendPosition { Val = C.LegendPositionValues.Bottom },
                    new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.TextProperties(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties(
                        new A.LatinFont { Typeface = LatinFont },
                        new A.EastAsianFont { Typeface = BodyFont }) { FontSize = 1000 }),
                    new A.EndParagraphRunProperties { Language = "zh-CN" }))));
    }

    private static C.BarChartSeries Series<T>(
        uint index,
        (string Name, string Color, Func<T, int> Value) light,
        IReadOnlyList<T> categories,
        Func<T, string> name)
    {
        var column = (char)('B' + index);
        var lastRow = categories.Count + 1;
        var values = new C.NumberingCache(
            new C.FormatCode("General"),
            new C.PointCount { Val = (uint)categories.Count });
        values.Append(categories.Select((c, i) =>
            new C.NumericPoint(new C.NumericValue(light.Value(c).ToString(Inv))) { Index = (uint)i }));
        return new C.BarChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${column}$1"), StringCache([light.Name]))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = light.Color })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(
                new C.Formula($"Sheet1!$A$2:$A${lastRow}"), StringCache(categories.Select(name).ToList()))),
            new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${lastRow}"), values)));
    }

    private static C.StringCache StringCache(IReadOnlyList<string> texts)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)texts.Count });
        cache.Append(texts.Select((t, i) => new C.StringPoint(new C.NumericValue(Clean(t))) { Index = (uint)i }));
        return cache;
    }

    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = CategoryAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = ValueAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 });

    private static C.ValueAxis ValueAxis() => new(
        new C.AxisId { Val = ValueAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = CategoryAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    internal static Paragraph Title(string text) => new(
        new ParagraphProperties
        {
            SpacingBetweenLines = new() { Before = "240", After = "240" },
            Justification = Centered(),
        },
        TextRun(
            text,
            new RunProperties
            {
                RunFonts = Fonts(HeadingFont),
                Bold = new Bold(),
                FontSize = new FontSize { Val = "40" },
            }));

    private static Justification Centered() => new() { Val = JustificationValues.Center };

    internal static Paragraph Heading(string text) =>
        new(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = HeadingStyle } }, TextRun(text));

    internal static Paragraph Plain(string text, bool indent = false) => indent
        ? new(
            new ParagraphProperties { Indentation = new Indentation { FirstLine = "480", FirstLineChars = 200 } },
            TextRun(text))
        : new(TextRun(text));

    private static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run { RunProperties = properties is { HasChildren: true } ? properties : null };
        var lines = Clean(text).ReplaceLineEndings("\n").Split('\n');
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

    private static string Clean(string? text) =>
        NonXmlChars.Replace(text ?? string.Empty, m => m.Length == 2 ? m.Value : string.Empty);

    private static RunFonts Fonts(string eastAsia) => new()
    {
        Ascii = LatinFont,
        HighAnsi = LatinFont,
        ComplexScript = LatinFont,
        EastAsia = eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };

    internal static Styles BuildStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = Fonts(BodyFont),
                FontSize = new FontSize { Val = "24" },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    After = "120",
                    Line = "360",
                    LineRule = LineSpacingRuleValues.Auto,
                },
            })),
        new Style
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            StyleName = new StyleName { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
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
                SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "120" },
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            StyleRunProperties = new StyleRunProperties
            {
                RunFonts = Fonts(HeadingFont),
                Bold = new Bold(),
                FontSize = new FontSize { Val = "32" },
            },
        });

    internal static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin
        {
            Top = 1440,
            Right = 1440U,
            Bottom = 1440,
            Left = 1440U,
            Header = 851U,
            Footer = 992U,
            Gutter = 0U,
        });

    internal static T DeclareNamespaces<T>(T root)
        where T : OpenXmlElement
    {
        Array.ForEach(Namespaces, n => root.AddNamespaceDeclaration(n.Prefix, n.Uri));
        return root;
    }
}
