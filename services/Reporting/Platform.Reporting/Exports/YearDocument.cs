using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Platform.Reporting.Exports.BulletinDocument;
using Column = Platform.Reporting.Exports.BulletinDocument.Column;

namespace Platform.Reporting.Exports;

/// <summary>
/// Renders a <see cref="YearData"/> as a Word document in the monthly bulletin's style: the year's completion, a
/// native chart and table of outcomes by category, the unfinished tasks with their reasons, and the ranking.
/// </summary>
public static class YearDocument
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Color, Func<YearCategory, int> Value)[] Outcomes =
    [
        ("完成", "2E7D32", c => c.Completed),
        ("基本完成", "F9A825", c => c.MostlyCompleted),
        ("未完成", "C62828", c => c.NotCompleted),
        ("未报", "9E9E9E", c => c.NotReported),
    ];

    public static byte[] Write(YearData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = BuildStyles();
            OpenXmlElement[] content =
            [
                Title(string.Create(Inv, $"{data.DistrictName}{data.Year}年重点任务完成情况")),
                Plain("生成日期：" + data.GeneratedOn.ToString("yyyy-MM-dd", Inv)),
                Heading("一、总体情况"),
                Plain(Summary(data), indent: true),
                Heading("二、分类完成情况"),
                .. data.Categories.Count == 0
                    ? [Plain("暂无数据。")]
                    : new OpenXmlElement[]
                    {
                        ChartParagraph(main, data.Categories, c => c.Name, Outcomes, "分类完成情况图"),
                        CategoryTable(data.Categories),
                    },
                Heading("三、未完成任务及原因"),
                data.Lagging.Count == 0 ? Plain("全部任务已完成。") : LaggingTable(data.Lagging),
                Heading("四、考核排名"),
                .. Ranking(data),
                PageSetup(),
            ];
            main.Document = DeclareNamespaces(new Document(new Body(content)));
        }

        return stream.ToArray();
    }

    private static string Summary(YearData data)
    {
        int total = data.Categories.Sum(c => c.Total), done = data.Categories.Sum(c => c.Completed);
        var rate = total == 0 ? 0 : Math.Round(100m * done / total, 1);
        return string.Create(
            Inv,
            $"{data.Year} 年共 {total} 项任务：完成 {done} 项，基本完成 {data.Categories.Sum(c => c.MostlyCompleted)} 项，" +
            $"未完成 {data.Categories.Sum(c => c.NotCompleted)} 项，未报 {data.Categories.Sum(c => c.NotReported)} 项；" +
            $"完成率 {rate:0.#}%。");
    }

    private static Table CategoryTable(IReadOnlyList<YearCategory> categories)
    {
        Column[] columns =
        [
            new("类别", 3, false), new("完成", 1), new("基本完成", 1), new("未完成", 1), new("未报", 1), new("合计", 1),
        ];
        var rows = categories.Select(c =>
            Cells(c.Name, c.Completed, c.MostlyCompleted, c.NotCompleted, c.NotReported, c.Total));
        var totals = Cells(
            "合计",
            categories.Sum(c => c.Completed),
            categories.Sum(c => c.MostlyCompleted),
            categories.Sum(c => c.NotCompleted),
            categories.Sum(c => c.NotReported),
            categories.Sum(c => c.Total));
        return Grid(columns, rows, totals);
    }

    private static Table LaggingTable(IReadOnlyList<YearLagging> lagging)
    {
        Column[] columns =
        [
            new("序号", 1), new("类别", 2), new("牵头单位", 3), new("完成情况", 2), new("原因", 7, false),
        ];
        return Grid(columns, lagging.Select(l => new CellText[]
        {
            l.Number, l.Category, l.LeadUnits, new(l.Outcome, l.Outcome == "基本完成" ? "F9A825" : "C62828"), l.Reason,
        }));
    }

    private static OpenXmlElement[] Ranking(YearData data)
    {
        if (data.RuleVersion is not { } version)
        {
            return [Plain("本年度尚未应用考核规则。")];
        }

        Column[] columns = [new("名次", 1), new("单位", 4, false), new("得分", 1), new("扣分项", 1)];
        return
        [
            Plain(string.Create(
                Inv,
                $"按考核规则第 {version} 版计分{(data.Final ? "，年度已关账，得分已冻结" : "（年度未关账，得分可能调整）")}。"),
                indent: true),
            Grid(columns, data.Ranking.Select(u => new CellText[]
            {
                u.Rank.ToString(Inv), u.UnitName, u.Score.ToString("0.##", Inv),
                u.Reasons.Count(r => r.Points > 0).ToString(Inv),
            })),
        ];
    }

    private static CellText[] Cells(string name, params int[] numbers) =>
        [name, .. numbers.Select(n => new CellText(n.ToString(Inv)))];
}
