using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Reporting.Domain;

/// <summary>
/// Every Chinese phrase the reporting service prints about a report or a light — in the ledger, the bulletin, the
/// year's document and the reasons stored beside each light — in one place, so a phrase reads the same everywhere.
/// </summary>
public static partial class Wording
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

    public const string Uncategorized = "未分类";

    public const string NoReasonGiven = "未说明原因";

    /// <summary>
    /// A light's stored reasons as a document prints them. Versions before the reasons were all Chinese stored an
    /// English gloss after each one — <c>… (behind pace)</c>, <c>… (report overdue since 2023-07-31)</c> — and the
    /// rows they wrote are still in the projection: the glosses are dropped here, the one carrying a date turned into
    /// today's Chinese phrase, and the half-width colon after a target made full-width.
    /// </summary>
    public static string Printable(string? reasons)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            return string.Empty;
        }

        var text = LegacyOverdue().Replace(reasons, m => $"（应于 {m.Groups["due"].Value} 前报送）");
        text = LegacyGloss().Replace(text, string.Empty);
        return LegacyColon().Replace(text, "：").Trim();
    }

    [GeneratedRegex(@"\s*\(report overdue since (?<due>\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex LegacyOverdue();

    /// <summary>
    /// The English glosses the old reasons ended with, exactly: a target's own text (say 地区生产总值(GDP)) is kept.
    /// </summary>
    [GeneratedRegex(@"\s*\((report due, within grace|behind pace|closed and verified|done and accepted)\)")]
    private static partial Regex LegacyGloss();

    [GeneratedRegex(@": (?=落后序时进度)")]
    private static partial Regex LegacyColon();

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The bulletin's title: <c>渝中区2023年7月重点任务推进情况通报</c>.</summary>
    public static string BulletinTitle(string district, int year, int month) =>
        string.Create(Inv, $"{district}{year}年{month}月{BulletinSubject}");

    /// <summary>The part of the bulletin's title a long title is broken before.</summary>
    public const string BulletinSubject = "重点任务推进情况通报";

    /// <summary>The year's document's title: <c>渝中区2023年重点任务完成情况</c>.</summary>
    public static string YearTitle(string district, int year) => string.Create(Inv, $"{district}{year}年{YearSubject}");

    /// <summary>The part of the year's title a long title is broken before.</summary>
    public const string YearSubject = "重点任务完成情况";

    /// <summary>The date line under a title: <c>（2023年8月2日）</c>.</summary>
    public static string DateLine(DateOnly date) =>
        string.Create(Inv, $"（{date.Year}年{date.Month}月{date.Day}日）");

    public const string OverallHeading = "一、总体情况";
    public const string CategoryLightsHeading = "二、分类亮灯情况";
    public const string LaggingHeading = "三、滞后任务";
    public const string LateUnitsHeading = "四、逾期未报单位";
    public const string NoData = "暂无数据。";
    public const string CategoryLightsChart = "分类亮灯情况图";
    public const string CategoryOutcomesChart = "分类完成情况图";
    public const string NoLagging = "本月无滞后任务。";
    public const string NoLateUnits = "本月无逾期未报单位。";

    /// <summary>
    /// The bulletin's figures. On time and accepted are parts of reported (其中), which the counting guarantees: a
    /// returned report is neither reported nor on time. Figures stand apart by a space, as in the other phrases here.
    /// </summary>
    public static string BulletinSummary(
        int tasks, int reported, int onTime, int accepted, int overdue, int green, int yellow, int red,
        int disagreements) => string.Create(
        Inv,
        $"本月共 {tasks} 项任务：已报送 {reported} 项，其中按时报送 {onTime} 项、已审核 {accepted} 项；" +
        $"逾期未报 {overdue} 项。从亮灯情况看，绿灯 {green} 项、黄灯 {yellow} 项、红灯 {red} 项；" +
        $"单位自评与灯色不一致 {disagreements} 项。");

    public static string CategoryLead(int categories) =>
        string.Create(Inv, $"按任务类别统计，{categories} 个类别的亮灯情况如下。");

    public static string LaggingLead(int tasks, int red, int yellow) =>
        string.Create(Inv, $"本月亮红灯、黄灯的任务共 {tasks} 项，其中红灯 {red} 项、黄灯 {yellow} 项，具体如下。");

    public static string LateUnitsLead(int units, int reports) =>
        string.Create(Inv, $"本月有 {units} 个单位存在逾期未报，共逾期 {reports} 项，具体如下。");

    public const string NumberHeader = "序号";
    public const string CategoryHeader = "类别";
    public const string LeadUnitHeader = "牵头单位";
    public const string LightHeader = "灯色";
    public const string ReasonHeader = "原因";
    public const string ProblemsHeader = "存在的问题";
    public const string UnitHeader = "单位";
    public const string OverdueCountHeader = "逾期项数";
    public const string TotalHeader = "合计";

    public const string YearCategoryHeading = "二、分类完成情况";
    public const string YearLaggingHeading = "三、未完成任务及原因";
    public const string YearRankingHeading = "四、考核排名";
    public const string AllCompleted = "全部任务已完成。";
    public const string NoRuleApplied = "本年度尚未应用考核规则。";
    public const string OutcomeHeader = "完成情况";
    public const string RankHeader = "名次";
    public const string ScoreHeader = "得分";
    public const string DeductionsHeader = "扣分项";
    public const string Completed = "完成";
    public const string MostlyCompleted = "基本完成";
    public const string NotCompleted = "未完成";
    public const string OutcomeNotChosen = "未选择";

    /// <summary>A year-end outcome as the events, the screens and the documents name it.</summary>
    public static string Outcome(CompletionOutcome outcome) => outcome switch
    {
        CompletionOutcome.Completed => Completed,
        CompletionOutcome.MostlyCompleted => MostlyCompleted,
        CompletionOutcome.NotCompleted => NotCompleted,
        _ => OutcomeNotChosen,
    };

    /// <summary>The year's figures in one sentence, the completion rate to one decimal.</summary>
    public static string YearSummary(
        int year, int tasks, int completed, int mostly, int notCompleted, int notReported, decimal rate) =>
        string.Create(
            Inv,
            $"{year} 年共 {tasks} 项任务：完成 {completed} 项，基本完成 {mostly} 项，未完成 {notCompleted} 项，" +
            $"未报 {notReported} 项；完成率 {rate:0.#}%。");

    public static string YearLaggingLead(int tasks) =>
        string.Create(Inv, $"截至年底未完成或未报的任务共 {tasks} 项，原因如下。");

    /// <summary>How the ranking was scored: the rule version, and whether the year is closed.</summary>
    public static string RankingBasis(int version, bool final) => string.Create(
        Inv,
        $"按考核规则第 {version} 版计分{(final ? "，年度已关账，得分已冻结" : "（年度未关账，得分可能调整）")}。");
}
