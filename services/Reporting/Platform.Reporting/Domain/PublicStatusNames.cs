namespace Platform.Reporting.Domain;

/// <summary>The Chinese words the public page prints for a status.</summary>
public static class PublicStatusNames
{
    public static string Of(PublicStatus status) => status switch
    {
        PublicStatus.Completed => "已完成",
        PublicStatus.InProgress => "推进中",
        _ => "未开始",
    };

    /// <summary>
    /// 已完成 when the closure was verified or the year's completion report was accepted as 完成; 推进中 once any monthly
    /// report was submitted; 未开始 otherwise.
    /// </summary>
    public static PublicStatus Decide(bool closed, bool completionAccepted, bool anyReportSubmitted) =>
        closed || completionAccepted ? PublicStatus.Completed
        : anyReportSubmitted ? PublicStatus.InProgress
        : PublicStatus.NotStarted;
}
