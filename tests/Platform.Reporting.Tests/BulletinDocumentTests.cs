using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Reporting.Exports;
using Platform.Reporting.Tests.Bulletin;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Platform.Reporting.Tests;

public sealed class BulletinDocumentTests
{
    private const string Problems = "审批时限<5个工作日>未达标 & 材料重复提交";

    private static BulletinData Sample() => new(
        "渝中区",
        "2023-07",
        new DateOnly(2023, 8, 2),
        new BulletinTotals(
            Tasks: 20,
            Reported: 17,
            OnTime: 15,
            Accepted: 14,
            Green: 12,
            Yellow: 5,
            Red: 3,
            Overdue: 3,
            Disagreements: 2),
        [new("市场准入", 5, 2, 1), new("获得电力", 4, 2, 0), new("跨境贸易", 3, 1, 2)],
        [new("2023-015", "市场准入", "区市场监管局", "红", "部门协同不足", Problems)],
        [new("区住房城乡建委", 2)]);

    [Fact]
    public void Write_RendersTitleSummaryChartAndTables()
    {
        using var document = Open(BulletinDocument.Write(Sample()));
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;

        Assert.Equal("渝中区2023年7月重点任务推进情况通报", body.Elements<Paragraph>().First().InnerText);
        Assert.Equal("（2023年8月2日）", body.Elements<Paragraph>().ElementAt(1).InnerText);
        Assert.Contains(
            "本月共 20 项任务：已报送 17 项，其中按时报送 15 项、已审核 14 项；逾期未报 3 项。" +
            "从亮灯情况看，绿灯 12 项、黄灯 5 项、红灯 3 项；单位自评与灯色不一致 2 项。",
            body.InnerText);
        Assert.Equal(
            ["一、总体情况", "二、分类亮灯情况", "三、滞后任务", "四、逾期未报单位"],
            body.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
                .Select(p => p.InnerText));

        var chartPart = Assert.Single(main.ChartParts);
        Assert.Equal(main.GetIdOfPart(chartPart), Assert.Single(body.Descendants<C.ChartReference>()).Id?.Value);
        var barChart = Assert.Single(chartPart.ChartSpace!.Descendants<C.BarChart>());
        Assert.Equal(C.BarGroupingValues.Stacked, barChart.GetFirstChild<C.BarGrouping>()?.Val?.Value);
        Assert.Equal((sbyte)100, barChart.GetFirstChild<C.Overlap>()?.Val?.Value);
        var series = barChart.Elements<C.BarChartSeries>().ToList();
        Assert.Equal(new[] { "绿灯", "黄灯", "红灯" }, series.Select(SeriesName));
        Assert.Equal(new[] { "2E7D32", "F9A825", "C62828" }, series.Select(FillColor));
        // Horizontal bars, the category axis reversed so the first category prints at the top, as in the table.
        Assert.Equal(C.BarDirectionValues.Bar, barChart.GetFirstChild<C.BarDirection>()?.Val?.Value);
        var axis = chartPart.ChartSpace.Descendants<C.CategoryAxis>().Single();
        Assert.Equal(C.OrientationValues.MaxMin, axis.Scaling?.Orientation?.Val?.Value);
        Assert.All(series, s => Assert.Equal(new[] { "市场准入", "获得电力", "跨境贸易" }, CachedCategories(s)));
        Assert.Equal(new[] { "5", "4", "3" }, CachedValues(series[0]));
        Assert.Equal(new[] { "2", "2", "1" }, CachedValues(series[1]));
        Assert.Equal(new[] { "1", "0", "2" }, CachedValues(series[2]));

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(new[] { "类别", "绿灯", "黄灯", "红灯", "合计" }, RowTexts(tables[0], 0));
        Assert.Equal(new[] { "获得电力", "4", "2", "0", "6" }, RowTexts(tables[0], 2));
        Assert.Equal(new[] { "合计", "12", "5", "3", "20" }, RowTexts(tables[0], 4));
        Assert.Equal(new[] { "2023-015", "市场准入", "区市场监管局", "红灯", "部门协同不足", Problems }, RowTexts(tables[1], 1));
        Assert.Equal(new[] { "序号", "单位", "逾期项数" }, RowTexts(tables[2], 0));
        Assert.Equal(new[] { "1", "区住房城乡建委", "2" }, RowTexts(tables[2], 1));

        Assert.Contains(body.Descendants<Text>(), t => t.Text == Problems);
        Assert.Contains("审批时限&lt;5个工作日&gt;未达标 &amp; 材料重复提交", ReadXml(main));

        var section = Assert.Single(body.Descendants<SectionProperties>());
        var pageSize = section.GetFirstChild<PageSize>();
        Assert.Equal((11906U, 16838U), (pageSize?.Width?.Value, pageSize?.Height?.Value));

        AssertValid(document);
    }

    [Fact]
    public void Write_WithoutCategoriesLaggingOrLateUnits_WritesPlaceholders()
    {
        var data = Sample() with { Categories = [], Lagging = [], LateUnits = [] };

        using var document = Open(BulletinDocument.Write(data));
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;

        Assert.Empty(main.ChartParts);
        Assert.Empty(body.Descendants<Drawing>());
        Assert.Empty(body.Descendants<Table>());
        Assert.Contains("二、分类亮灯情况暂无数据。", body.InnerText);
        Assert.Contains("三、滞后任务本月无滞后任务。", body.InnerText);
        Assert.Contains("四、逾期未报单位本月无逾期未报单位。", body.InnerText);
        AssertValid(document);
    }

    [Fact]
    public void Write_DropsCharactersXmlCannotHoldAndKeepsLineBreaks()
    {
        var lagging = new BulletinLagging("1", "获得电力", "区供电公司\u0001", "黄", "施工受阻\n资金未到位", "无");
        var data = Sample() with { Lagging = [lagging] };

        using var document = Open(BulletinDocument.Write(data));
        var body = document.MainDocumentPart!.Document!.Body!;

        var row = body.Elements<Table>().ElementAt(1).Elements<TableRow>().ElementAt(1);
        Assert.Equal(
            new[] { "1", "获得电力", "区供电公司", "黄灯", "施工受阻资金未到位", "无" },
            row.Elements<TableCell>().Select(c => c.InnerText));
        Assert.Single(row.Descendants<Break>());
        AssertValid(document);
    }

    [Fact]
    public void Write_DeclaresTheOfficialFontsWithAlternatesAndSetsTheOfficialPage()
    {
        using var document = Open(BulletinDocument.Write(Sample()));
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;

        var fonts = main.FontTablePart?.Fonts?.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f) ?? [];
        Assert.Equal("宋体", fonts["方正小标宋简体"].GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("SimHei", fonts["黑体"].GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"].GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("FangSong", fonts["仿宋"].GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("86", fonts["仿宋_GB2312"].GetFirstChild<FontCharSet>()?.Val?.Value);

        var styles = main.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋_GB2312", defaults.RunFonts?.EastAsia?.Value);
        Assert.Equal("32", defaults.FontSize?.Val?.Value);
        var spacing = styles.DocDefaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(("560", LineSpacingRuleValues.Exact), (spacing.Line?.Value, spacing.LineRule?.Value));
        var heading = styles.Elements<Style>().Single(st => st.StyleId?.Value == "Heading1");
        Assert.Equal("黑体", heading.StyleRunProperties?.RunFonts?.EastAsia?.Value);
        var title = body.Elements<Paragraph>().First().Descendants<RunProperties>().First();
        Assert.Equal("方正小标宋简体", title.RunFonts?.EastAsia?.Value);
        Assert.Equal("44", title.FontSize?.Val?.Value);

        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1587U, 1474U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value,
            margin.Right!.Value));
        AssertValid(document);
    }

    [Fact]
    public void Write_NumbersEveryPageInTheFooterWithAPageField()
    {
        using var document = Open(BulletinDocument.Write(BulletinSamples.Month()));
        var main = document.MainDocumentPart!;

        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        foreach (var section in sections)
        {
            var reference = Assert.Single(section.Elements<FooterReference>());
            Assert.Equal(HeaderFooterValues.Default, reference.Type?.Value);
            var footer = ((FooterPart)main.GetPartById(reference.Id!)).Footer!;
            Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
            Assert.Equal("— 1 —", string.Concat(footer.Descendants<Text>().Select(t => t.Text)));
        }

        AssertValid(document);
    }

    [Fact]
    public void Write_RepeatsEachTablesHeaderRowBoldAndShadedAndKeepsShortRowsWhole()
    {
        using var document = Open(BulletinDocument.Write(BulletinSamples.Month()));
        var tables = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();

        Assert.Equal(3, tables.Count);
        foreach (var table in tables)
        {
            var rows = table.Elements<TableRow>().ToList();
            Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
            Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
            Assert.All(rows[0].Elements<TableCell>(), c =>
            {
                Assert.Equal("D9D9D9", c.TableCellProperties?.Shading?.Fill?.Value);
                Assert.NotNull(c.Descendants<Bold>().FirstOrDefault());
            });
            Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        }

        var lights = tables[1].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ElementAt(3)).ToList();
        Assert.All(lights, c => Assert.Contains(c.InnerText, new[] { "红灯", "黄灯" }));
        Assert.All(lights, c => Assert.NotNull(c.TableCellProperties?.Shading?.Fill));
    }

    [Fact]
    public void Write_SizesTheLaggingColumnsFromTheirContentAndTurnsTheWideTableToLandscape()
    {
        var data = BulletinSamples.Month();
        using var document = Open(BulletinDocument.Write(data));
        var body = document.MainDocumentPart!.Document!.Body!;
        var lagging = body.Descendants<Table>().ElementAt(1);
        var widths = lagging.GetFirstChild<TableGrid>()!.Elements<GridColumn>()
            .Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        // 五号 (10.5 pt): a Latin cell is 105 twips, a cell's side margins 2 × 85.
        int Cells(int column) => (widths[column] - 170) / 105;
        int Widest(Func<BulletinLagging, string> of, int cap) =>
            data.Lagging.Select(l => Platform.Documents.TextWidth.Of(of(l))).Where(w => w <= cap).Max();
        var number = Platform.Documents.TextWidth.Of("2023-040");
        Assert.InRange(Cells(0), number, number + 2);
        Assert.InRange(Cells(3), 4, 6);
        Assert.True(Cells(1) >= Widest(l => l.Category, BulletinDocument.CategoryCells), $"类别 {Cells(1)} cells");
        Assert.True(Cells(2) >= Widest(l => l.LeadUnit, BulletinDocument.LeadUnitCells), $"牵头单位 {Cells(2)} cells");
        Assert.True(Cells(2) <= BulletinDocument.LeadUnitCells + 1, $"牵头单位 {Cells(2)} cells");
        Assert.All(new[] { 4, 5 }, i => Assert.True(Cells(i) >= BulletinDocument.TextCells, $"column {i}: {Cells(i)}"));

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Null(sections[0].GetFirstChild<PageSize>()!.Orient);
        var turned = sections[1].GetFirstChild<PageSize>()!;
        Assert.Equal((16838U, 11906U, PageOrientationValues.Landscape),
            (turned.Width!.Value, turned.Height!.Value, turned.Orient!.Value));
        Assert.True(widths.Sum() <= 16838 - 1587 - 1474, $"table {widths.Sum()} twips");
        // The break to landscape comes right before 三、滞后任务.
        var breakAt = sections[0].Ancestors<Paragraph>().Single();
        Assert.Equal("三、滞后任务", breakAt.NextSibling<Paragraph>()?.InnerText);
    }

    [Fact]
    public void Write_PrintsLegacyReasonsInChinese()
    {
        var lagging = new BulletinLagging(
            "1", "获得电力", "区供电公司", "红",
            "2023-07 月报逾期未报 (report overdue since 2023-07-31)；用电报装时限: 落后序时进度 35 个百分点 (behind pace)",
            "施工受阻");
        using var document = Open(BulletinDocument.Write(Sample() with { Lagging = [lagging] }));

        var row = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().ElementAt(1)
            .Elements<TableRow>().ElementAt(1);
        Assert.Equal(
            "2023-07 月报逾期未报（应于 2023-07-31 前报送）；用电报装时限：落后序时进度 35 个百分点",
            row.Elements<TableCell>().ElementAt(4).InnerText);
    }

    private static WordprocessingDocument Open(byte[] bytes) =>
        WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");
        Assert.Empty(errors);
    }

    private static string ReadXml(MainDocumentPart main)
    {
        using var reader = new StreamReader(main.GetStream(FileMode.Open, FileAccess.Read));
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> RowTexts(Table table, int row) =>
        table.Elements<TableRow>().ElementAt(row).Elements<TableCell>().Select(c => c.InnerText);

    private static string? SeriesName(C.BarChartSeries series) =>
        series.GetFirstChild<C.SeriesText>()?.StringReference?.StringCache
            ?.GetFirstChild<C.StringPoint>()?.NumericValue?.Text;

    private static string? FillColor(C.BarChartSeries series) =>
        series.GetFirstChild<C.ChartShapeProperties>()?.GetFirstChild<A.SolidFill>()?.RgbColorModelHex?.Val?.Value;

    private static IEnumerable<string> CachedCategories(C.BarChartSeries series)
    {
        var cache = series.GetFirstChild<C.CategoryAxisData>()?.StringReference?.StringCache;
        Assert.NotNull(cache);
        Assert.Equal((uint)cache.Elements<C.StringPoint>().Count(), cache.PointCount?.Val?.Value);
        return cache.Elements<C.StringPoint>().Select(p => p.NumericValue?.Text ?? string.Empty);
    }

    private static IEnumerable<string> CachedValues(C.BarChartSeries series)
    {
        var cache = series.GetFirstChild<C.Values>()?.NumberReference?.NumberingCache;
        Assert.NotNull(cache);
        Assert.Equal((uint)cache.Elements<C.NumericPoint>().Count(), cache.PointCount?.Val?.Value);
        return cache.Elements<C.NumericPoint>().Select(p => p.NumericValue?.Text ?? string.Empty);
    }
}
