using Platform.Reporting.Domain;
using Platform.Reporting.Exports;

namespace Platform.Reporting.Tests.Bulletin;

/// <summary>
/// A district's month and year as an office has them: long category and unit names, forty lagging tasks with long
/// reasons and problems, some reasons still carrying the English gloss older versions stored.
/// </summary>
public static class BulletinSamples
{
    public static readonly string[] Categories =
    [
        "优化营商环境提升城市能级", "市场准入", "获得电力", "工程建设项目审批", "跨境贸易便利化", "政务服务",
    ];

    public static readonly string[] Units =
    [
        "区住房城乡建委（区人防办）", "区市场监管局", "区发展改革委", "区规划自然资源局", "区经济信息委", "国网重庆市区供电分公司",
        "区政务服务管理办公室（区大数据发展局）", "区商务委",
    ];

    private static readonly string[] Reasons =
    [
        "2023-07 月报逾期未报 (report overdue since 2023-07-31)",
        "建筑许可全流程办理时限由50个工作日压减至45个工作日: 落后序时进度 35 个百分点 (behind pace)",
        Wording.BehindPace("新增市场主体数量达到年度目标的百分之六十", 18),
        Wording.ReportWithinGrace("2023-07", new DateOnly(2023, 8, 5)),
        Wording.ReportOverdue("2023-07", new DateOnly(2023, 7, 31)) + "；" +
            Wording.BehindPace("企业开办全程网办率达到百分之九十五以上", 22),
    ];

    private static readonly string[] Problems =
    [
        "部门之间数据共享接口尚未打通，企业仍需重复提交营业执照、法定代表人身份证明等材料，审批时限难以压减到位",
        "项目用地规划调整尚在报批中，施工许可证无法按期核发，预计延后两个月",
        "资金未到位",
        "配套电网改造工程受征地拆迁影响，施工受阻；已协调属地街道加快推进，力争九月底前完成杆线迁改",
        "牵头单位与配合单位职责分工不够明确，推进合力不足",
    ];

    /// <summary>A month whose figures agree: the categories' lights are the lagging tasks' plus green ones.</summary>
    public static BulletinData Month(int lagging = 40)
    {
        var tasks = Enumerable.Range(1, lagging).Select(i => new BulletinLagging(
            $"2023-{i:000}",
            Categories[i % Categories.Length],
            Units[i % Units.Length],
            i % 3 == 0 ? "黄" : "红",
            Reasons[i % Reasons.Length],
            Problems[i % Problems.Length])).ToList();
        var categories = Categories.Select((c, i) => new BulletinCategory(
            c,
            10 + i,
            tasks.Count(t => t.Category == c && t.Light == "黄"),
            tasks.Count(t => t.Category == c && t.Light == "红"))).ToList();
        int green = categories.Sum(c => c.Green), yellow = categories.Sum(c => c.Yellow),
            red = categories.Sum(c => c.Red), total = green + yellow + red;
        return new BulletinData(
            "重庆市两江新区",
            "2023-07",
            new DateOnly(2023, 8, 2),
            new BulletinTotals(
                Tasks: total, Reported: total - 15, OnTime: total - 22, Accepted: total - 40, Green: green,
                Yellow: yellow, Red: red, Overdue: 15, Disagreements: 7),
            categories,
            tasks,
            Units.Take(5).Select((u, i) => new BulletinLateUnit(u, 5 - i)).ToList());
    }

    public static YearData Year() => new(
        "重庆市两江新区",
        2023,
        new DateOnly(2024, 1, 15),
        Categories.Select((c, i) => new YearCategory(c, 12 + i, 3, 2 - (i % 3), i % 2)).ToList(),
        Enumerable.Range(1, 30).Select(i => new YearLagging(
            $"2023-{i:000}",
            Categories[i % Categories.Length],
            Units[i % Units.Length] + (i % 4 == 0 ? "、" + Units[(i + 1) % Units.Length] : string.Empty),
            (i % 3) switch { 0 => Wording.MostlyCompleted, 1 => Wording.NotCompleted, _ => Wording.NotReported },
            Problems[i % Problems.Length])).ToList(),
        Units.Select((u, i) => new Platform.Reporting.Domain.Assessment.UnitAssessment(
            Guid.NewGuid(), u, 100 - (2 * i), i + 1, [])).ToList(),
        1,
        false);
}
