using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Reporting.Exports;
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
        Assert.Contains("生成日期：2023-08-02", body.InnerText);
        Assert.Contains(
            "本月共 20 项任务，已报送 17 项（按时 15 项，已审核 14 项），逾期未报 3 项；绿灯 12 项、黄灯 5 项、红灯 3 项；自评与灯色不一致 2 项。",
            body.InnerText);

        var chartPart = Assert.Single(main.ChartParts);
        Assert.Equal(main.GetIdOfPart(chartPart), Assert.Single(body.Descendants<C.ChartReference>()).Id?.Value);
        var barChart = Assert.Single(chartPart.ChartSpace!.Descendants<C.BarChart>());
        Assert.Equal(C.BarGroupingValues.Stacked, barChart.GetFirstChild<C.BarGrouping>()?.Val?.Value);
        Assert.Equal((sbyte)100, barChart.GetFirstChild<C.Overlap>()?.Val?.Value);
        var series = barChart.Elements<C.BarChartSeries>().ToList();
        Assert.Equal(new[] { "绿灯", "黄灯", "红灯" }, series.Select(SeriesName));
        Assert.Equal(new[] { "2E7D32", "F9A825", "C62828" }, series.Select(FillColor));
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
        Assert.Equal(new[] { "区住房城乡建委", "2" }, RowTexts(tables[2], 1));

        Assert.Contains(body.Descendants<Text>(), t => t.Text == Problems);
        Assert.Contains("审批时限&lt;5个工作日&gt;未达标 &amp; 材料重复提交", ReadXml(main));

        var pageSize = body.GetFirstChild<SectionProperties>()?.GetFirstChild<PageSize>();
        Assert.Equal((11906U, 16838U), (pageSize?.Width?.Value, pageSize?.Height?.Value));
        var defaultFonts = main.StyleDefinitionsPart?.Styles?.DocDefaults?.Descendants<RunFonts>().Single();
        Assert.Equal("SimSun", defaultFonts?.EastAsia?.Value);

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
