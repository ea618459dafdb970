using Platform.Contracts.Events;

namespace Platform.Notifications.Consumers;

/// <summary>
/// The report a report event is about, and its version after the event: what <see cref="ReportStates"/> applies and
/// whose unit <see cref="ReviewNotices"/> tells.
/// </summary>
internal sealed record ReportRef(string Tenant, Guid Task, string Period, Guid Lead, int Version)
{
    public static ReportRef Of(ReportSubmitted m) => new(m.TenantId, m.TaskId, m.Period, m.LeadUnitId, m.ReportVersion);

    public static ReportRef Of(ReportReturned m) => new(m.TenantId, m.TaskId, m.Period, m.LeadUnitId, m.ReportVersion);

    public static ReportRef Of(ReportAccepted m) => new(m.TenantId, m.TaskId, m.Period, m.LeadUnitId, m.ReportVersion);
}
