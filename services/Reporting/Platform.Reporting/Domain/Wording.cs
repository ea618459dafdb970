namespace Platform.Reporting.Domain;

/// <summary>
/// Every Chinese phrase the reporting service prints about a report or a light — in the ledger, the bulletin, the
/// year's document and the reasons stored beside each light — in one place, so a phrase reads the same everywhere.
/// </summary>
public static class Wording
{
    public const string NotReported = "未报";

    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送",
        ReportStatus.Returned => "已退回",
        _ => "已审核",
    };

    /// <summary>The status of a unit's report for the month, or 未报 when it has none.</summary>
    public static string Status(ReportStatus? status) => status is { } s ? Status(s) : NotReported;

    public static string Self(SelfStatus status) => status switch
    {
        SelfStatus.OnTrack => "正常推进",
        SelfStatus.AtRisk => "存在风险",
        SelfStatus.Behind => "进度滞后",
        SelfStatus.Done => "已完成",
        _ => string.Empty,
    };

    /// <summary>The light as one character (红, 黄, 绿), as a table's narrow light column shows it.</summary>
    public static string LightShort(Light light) => light switch
    {
        Light.Red => "红",
        Light.Yellow => "黄",
        _ => "绿",
    };

    /// <summary>The light as a word (红灯, 黄灯, 绿灯).</summary>
    public static string LightName(Light light) => LightShort(light) + "灯";

    public static string ClosedAndVerified(DateOnly? closedOn) => $"已办结，{closedOn:yyyy-MM-dd} 核验通过";

    public static string ReportOverdue(string period, DateOnly dueOn) =>
        $"{period} 月报逾期未报（应于 {dueOn:yyyy-MM-dd} 前报送）";

    public static string ReportWithinGrace(string period, DateOnly graceUntil) =>
        $"{period} 月报未报，宽限期至 {graceUntil:yyyy-MM-dd}";

    public static string BehindPace(string target, decimal points) => $"{target}：落后序时进度 {points:0} 个百分点";

    public const string DoneAndAccepted = "已办结并通过审核";
}
