using Platform.Contracts.Events;

namespace Platform.Notifications.Tests;

/// <summary>The year-end events the tests publish as reporting would; what a test varies is named.</summary>
internal static class CompletionEvents
{
    public static CompletionReportReturned Returned(
        string tenant, Guid task, Guid lead, int version, string comment = "请补充目标完成值的依据") =>
        new()
        {
            TenantId = tenant, TaskId = task, LeadUnitId = lead, Year = 2023, ReportVersion = version,
            Comment = comment, ReturnedBy = "office",
            OccurredAt = new DateTimeOffset(2024, 1, 10, 2, version, 0, TimeSpan.Zero),
        };

    public static CompletionReportAccepted Accepted(
        string tenant, Guid task, Guid lead, int version, string outcome = "基本完成") =>
        new()
        {
            TenantId = tenant, TaskId = task, LeadUnitId = lead, Year = 2023, ReportVersion = version,
            Outcome = outcome, AcceptedBy = "office",
            OccurredAt = new DateTimeOffset(2024, 1, 11, 2, version, 0, TimeSpan.Zero),
        };
}
