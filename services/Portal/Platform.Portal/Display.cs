using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Platform.Contracts;
using NotificationsV1 = Platform.Contracts.Notifications.V1;
using Platform.ServiceDefaults.Time;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal;

/// <summary>The platform's values in the words and colours the district offices use.</summary>
public static class Display
{
    public static (string Text, string Css) Light(ReportingV1.Light light) => light switch
    {
        ReportingV1.Light.Green => ("绿灯", "green"),
        ReportingV1.Light.Yellow => ("黄灯", "yellow"),
        ReportingV1.Light.Red => ("红灯", "red"),
        _ => ("—", "none"),
    };

    public static string Status(ReportingV1.Report report) => !report.Exists ? "未填报" : Status(report.Status);

    public static string Status(ReportingV1.ReportStatus status) => status switch
    {
        ReportingV1.ReportStatus.Draft => "草稿",
        ReportingV1.ReportStatus.Submitted => "已提交待审核",
        ReportingV1.ReportStatus.Returned => "已退回",
        ReportingV1.ReportStatus.Accepted => "已通过",
        _ => "未填报",
    };

    public static string Self(ReportingV1.SelfStatus status) => status switch
    {
        ReportingV1.SelfStatus.OnTrack => "按计划推进",
        ReportingV1.SelfStatus.AtRisk => "存在风险",
        ReportingV1.SelfStatus.Behind => "滞后",
        ReportingV1.SelfStatus.Done => "已完成",
        _ => "未自评",
    };

    public static string Kind(NotificationsV1.NotificationKind kind) => kind switch
    {
        NotificationsV1.NotificationKind.Assignment => "交办",
        NotificationsV1.NotificationKind.Reminder => "提醒",
        NotificationsV1.NotificationKind.Overdue => "催办",
        NotificationsV1.NotificationKind.Escalation => "督办单",
        NotificationsV1.NotificationKind.ReportReturned => "月报退回",
        NotificationsV1.NotificationKind.ReportAccepted => "月报通过",
        NotificationsV1.NotificationKind.ExtensionDecided => "延期批复",
        NotificationsV1.NotificationKind.ClosureDecided => "办结批复",
        NotificationsV1.NotificationKind.CompletionReturned => "完成情况退回",
        NotificationsV1.NotificationKind.CompletionAccepted => "完成情况通过",
        NotificationsV1.NotificationKind.AssessmentPublished => "考核结果",
        _ => "通知",
    };

    public static string RequestKind(ReportingV1.TaskRequestKind kind) =>
        kind == ReportingV1.TaskRequestKind.Extension ? "延期" : "办结";

    public static string RequestStatus(ReportingV1.TaskRequestStatus status) => status switch
    {
        ReportingV1.TaskRequestStatus.Pending => "待审批",
        ReportingV1.TaskRequestStatus.Approved => "已同意",
        ReportingV1.TaskRequestStatus.Refused => "未同意",
        _ => "—",
    };

    /// <summary>A timestamp in Beijing time, or a dash.</summary>
    public static string Time(Timestamp? at) =>
        at is null || (at.Seconds == 0 && at.Nanos == 0)
            ? "—"
            : ChinaTime.Local(at.ToDateTimeOffset()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Period(string key) =>
        key.Length == 7 ? $"{key[..4]}年{int.Parse(key[5..], CultureInfo.InvariantCulture)}月" : key;

    public static string Percent(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    /// <summary>The notice's reporting rule in the document's words: "每月 · 月底前 · 报区营商办".</summary>
    public static string Reporting(string cadence, string due, string to)
    {
        var parts = new[]
        {
            cadence switch { "monthly" => "每月", "quarterly" => "每季度", _ => cadence },
            due switch { "month-end" => "月底前", "quarter-end" => "季末前", _ => due },
            to.Length > 0 ? "报" + to : string.Empty,
        };
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>Units by their directory names (as printed when the directory has none), separated by 、.</summary>
    public static string UnitNames(IEnumerable<TasksV1.UnitRef> units) =>
        string.Join("、", units.Select(u => u.UnitName.Length > 0 ? u.UnitName : u.PrintedName));

    /// <summary>
    /// An indicator as Chinese screens name it: a B-READY topic by its Chinese name with its English one in the
    /// tooltip, any other by its own. <paramref name="name"/> is the name the API sent, when it sent one.
    /// </summary>
    public static IHtmlContent Indicator(string indicator, string? name = null)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("indicator");
        if (CanonicalIndicators.EnglishName(indicator) is { } english)
        {
            span.Attributes["title"] = english;
        }

        span.InnerHtml.Append(name is { Length: > 0 } ? name : CanonicalIndicators.ChineseName(indicator));
        return span;
    }

    /// <summary>Indicators as <see cref="Indicator"/> shows each, separated by 、; a dash for none.</summary>
    public static IHtmlContent Indicators(IReadOnlyCollection<string> indicators)
    {
        var list = new HtmlContentBuilder();
        if (indicators.Count == 0)
        {
            return list.Append("—");
        }

        foreach (var indicator in indicators)
        {
            list.AppendHtml(list.Count == 0 ? HtmlString.Empty : new HtmlString("、")).AppendHtml(Indicator(indicator));
        }

        return list;
    }

    /// <summary>The heading of a group of indicators on the dashboard and the comparison view.</summary>
    public static string Family(IndicatorFamily family) => family switch
    {
        IndicatorFamily.Ndrc => "中国营商环境评价指标",
        IndicatorFamily.BReady => "世界银行 B-READY 评估议题",
        _ => "其他指标",
    };

    /// <summary>
    /// Rows grouped by their indicator's family (NDRC's first, then B-READY's, then others), in order.
    /// </summary>
    public static IEnumerable<IGrouping<IndicatorFamily, T>> ByFamily<T>(
        IEnumerable<T> rows, Func<T, string> indicator) =>
        rows.GroupBy(r => CanonicalIndicators.FamilyOf(indicator(r))).OrderBy(g => g.Key);
}
