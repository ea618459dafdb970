using Platform.Contracts.Events;

namespace Platform.Notifications.Tests;

/// <summary>
/// The report events the tests publish as reporting would. Who submitted, returned or accepted is never read by this
/// service, so it is fixed; what a test varies is named.
/// </summary>
internal static class ReportEvents
{
    public static ReportSubmitted Submitted(string tenant, Guid task, string period, Guid lead, int version = 0) =>
        new()
        {
            TenantId = tenant, TaskId = task, Period = period, LeadUnitId = lead, SubmittedBy = "reporter",
            ReportVersion = version,
        };

    public static ReportReturned Returned(
        string tenant, Guid task, string period, Guid lead, string comment = "请补充", int version = 0) =>
        new()
        {
            TenantId = tenant, TaskId = task, Period = period, LeadUnitId = lead, Comment = comment,
            ReturnedBy = "office", ReportVersion = version,
        };

    public static ReportAccepted Accepted(string tenant, Guid task, string period, Guid lead, int version = 0) =>
        new()
        {
            TenantId = tenant, TaskId = task, Period = period, LeadUnitId = lead, AcceptedBy = "office",
            ReportVersion = version,
        };
}
