using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal;

/// <summary>The assessment in words: each item's name and what it counts, and the year's state.</summary>
public static class AssessmentDisplay
{
    /// <summary>Every kind of item in the rules page's order, with its name and what it deducts for.</summary>
    public static readonly IReadOnlyList<(string Kind, string Name, string Per)> Items =
    [
        ("LateReport", "月报逾期报送", "每月每项"),
        ("MissingReport", "月报逾期未报", "每月每项"),
        ("ReturnedReport", "月报因质量被退回", "每次"),
        ("TaskNotCompleted", "任务未完成（含未报）", "每项"),
        ("TaskMostlyCompleted", "任务基本完成", "每项"),
        ("TargetNotMet", "目标未达成", "每个目标"),
        ("SupervisionNotice", "收到督办单", "每份"),
        ("ExtensionRequested", "申请延期", "每次"),
        ("OnTimeShare", "按时报送率权重", "扣 权重×未按时比例"),
    ];

    public static string Name(string kind) => Items.FirstOrDefault(i => i.Kind == kind).Name ?? kind;

    public static string State(ReportingV1.Assessment assessment) =>
        !assessment.Applied ? "尚未应用考核规则"
        : assessment.Final ? $"已关账（规则第 {assessment.RuleVersion} 版，得分已冻结）"
        : $"已应用规则第 {assessment.RuleVersion} 版（未关账）";

    public static string Score(double score) =>
        score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The year an assessment page opens on: last year until April, then this year.</summary>
    public static int DefaultYear(DateTimeOffset now) => now.Month <= 3 ? now.Year - 1 : now.Year;
}
