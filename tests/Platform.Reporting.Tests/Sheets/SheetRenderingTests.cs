using System.Globalization;
using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;
using Platform.Reporting.Exports;
using Platform.Testing;

namespace Platform.Reporting.Tests.Sheets;

/// <summary>
/// The ledger and the assessment sheet as LibreOffice prints them (converted to PDF, read back with poppler): A4
/// landscape, one page wide — every page holds the first and the last column's header — the header repeated on
/// every page, and the lights' words printed. PNGs of the first pages are kept beside the test screenshots.
/// </summary>
public sealed class SheetRenderingTests
{
    private static readonly DateTimeOffset Generated = new(2023, 11, 1, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ALongLedgerPrintsOnePageWideInLandscapeWithItsHeaderOnEveryPage()
    {
        var rows = LedgerRows(120);
        var rendered = await DocumentRendering.RenderAsync(
            LedgerExport.Write("渝中区", "2023-10", Generated, rows), "ledger-sample.xlsx", "ledger-sample", 2);

        Assert.True(rendered.Pages.Count >= 2, $"120 rows print on {rendered.Pages.Count} page(s)");
        Assert.All(rendered.Pages, p => Assert.True(p.IsA4 && p.Landscape, $"a page of {p.Width} x {p.Height}"));
        for (var page = 0; page < rendered.PageTexts.Count; page++)
        {
            var text = rendered.PageTexts[page];
            // The first and the last column on every page: nothing spills onto a page of its own to the right.
            Assert.True(text.Contains("序号", StringComparison.Ordinal), $"page {page + 1} has no 序号 header");
            Assert.True(text.Contains("工作成效", StringComparison.Ordinal), $"page {page + 1} has no 工作成效 header");
            Assert.Contains($"第 {page + 1} 页，共 {rendered.Pages.Count} 页", text, StringComparison.Ordinal);
        }

        var first = rendered.PageTexts[0];
        Assert.Contains("渝中区2023年10月重点任务推进情况台账", first, StringComparison.Ordinal);
        Assert.Contains("生成时间：2023-11-01 09:30（北京时间）", first, StringComparison.Ordinal);
        var all = string.Concat(rendered.PageTexts);
        foreach (var light in new[] { "红灯", "黄灯", "绿灯" })
        {
            Assert.Contains(light, all, StringComparison.Ordinal);
        }

        // Every row reached the paper, its last column too (no row cut off or hidden by a too-small height).
        Assert.Contains("第120项", all, StringComparison.Ordinal);
        Assert.Equal(120, rows.Count(r => all.Contains($"成效{r[0]}号", StringComparison.Ordinal)));
        Assert.Equal(
            2,
            rendered.Images.Count(i => Path.GetFileName(i).StartsWith("ledger-sample-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheAssessmentSheetPrintsLandscapeOnePageWide()
    {
        var units = Enumerable.Range(1, 40).Select(k => new UnitAssessment(
            Guid.NewGuid(),
            Units[k % Units.Length] + k.ToString(CultureInfo.InvariantCulture),
            100 - (k * 0.5m),
            k,
            [
                new AssessmentReason(AssessmentItemKind.MissingReport, $"2023-0{(k % 9) + 1} 月报逾期未报，扣 0.5 分", 0.5m),
                new AssessmentReason(AssessmentItemKind.LateReport, "2023-03 月报逾期报送（应于 2023-04-05 前报送）", 0.2m),
            ])).ToList();
        var assessment = new YearAssessment
        {
            TenantId = "500103", Year = 2023, RuleVersion = 2, AppliedBy = "yz.admin",
        };
        var rendered = await DocumentRendering.RenderAsync(
            AssessmentExport.Write("渝中区", 2023, assessment, units, Generated),
            "assessment-sample.xlsx",
            "assessment-sample",
            2);

        Assert.All(rendered.Pages, p => Assert.True(p.IsA4 && p.Landscape, $"a page of {p.Width} x {p.Height}"));
        // Each page holds the first and the last header of its sheet (the ranking's 扣分合计 is its own).
        var ranking = rendered.PageTexts.Where(t => t.Contains("名次", StringComparison.Ordinal)
            && t.Contains("扣分合计", StringComparison.Ordinal) && t.Contains("状态", StringComparison.Ordinal)).ToList();
        var reasons = rendered.PageTexts.Where(t => t.Contains("扣分项目", StringComparison.Ordinal)
            && t.Contains("单位", StringComparison.Ordinal) && t.Contains("说明", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ranking);
        Assert.NotEmpty(reasons);
        Assert.Equal(rendered.Pages.Count, ranking.Count + reasons.Count);
        Assert.Contains("渝中区2023年度重点任务考核排名", rendered.PageTexts[0], StringComparison.Ordinal);
        Assert.Contains("99.5", rendered.PageTexts[0], StringComparison.Ordinal);
    }

    private static readonly string[] Units =
    [
        "区发展改革委", "区市场监管局", "区住房城乡建委", "区规划自然资源局", "区生态环境局", "区交通局", "区商务委",
        "区教委", "区卫生健康委", "区城市管理局",
    ];

    private static readonly string[] Categories =
    [
        "优化营商环境", "城市更新", "民生保障", "生态环境保护", "科技创新", "招商引资",
    ];

    /// <summary>
    /// Ledger rows as a district writes them: task texts of one or two sentences, progress and problem texts of a
    /// paragraph, a few units' names, every light.
    /// </summary>
    private static List<string[]> LedgerRows(int count)
    {
        var lights = new[] { Light.Green, Light.Yellow, Light.Red };
        return Enumerable.Range(1, count).Select(k =>
        {
            var n = k.ToString(CultureInfo.InvariantCulture);
            var light = lights[k % 3];
            return new[]
            {
                n,
                Categories[k % Categories.Length],
                $"第{n}项：深化工程建设项目审批制度改革，推行并联审批和区域评估，" +
                    (k % 2 == 0 ? "全年新开工项目审批时限压减至40个工作日以内。" : "提升企业和群众办事便利度。"),
                Units[k % Units.Length],
                k % 4 == 0 ? "审批时限≤40个工作日；新开工项目≥25个" : "审批时限≤40个工作日",
                k % 4 == 0 ? "46个工作日；18个" : "38个工作日",
                Wording.Status(k % 5 == 0 ? null : ReportStatus.Submitted),
                Wording.Self(k % 3 == 0 ? SelfStatus.AtRisk : SelfStatus.OnTrack),
                Wording.LightName(light),
                light == Light.Green ? string.Empty : Wording.BehindPace("审批时限", 12),
                "已完成并联审批系统升级，覆盖全部新开工项目；召开专题推进会3次，协调解决用地、规划等问题12个，" +
                    (k % 2 == 0 ? "下一步将加快推进剩余项目落地。" : "各项工作按计划推进。"),
                k % 3 == 0 ? "部分项目前期手续办理滞后，跨部门系统对接尚未完成，资金拨付进度偏慢。" : "无",
                $"成效{n}号：平均审批时限较上年压减30%，企业满意度明显提升。",
            };
        }).ToList();
    }
}
