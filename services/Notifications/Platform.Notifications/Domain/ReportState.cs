using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// The newest state of one report that a report event told this service, by reporting's own version: kept apart from
/// the owed reports so an event that arrives before its list (another queue, a backlog) is not lost, and so any order
/// of delivery, redelivery or replay ends in reporting's state.
/// </summary>
public sealed class ReportState : ITenantEntity
{
    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid LeadUnitId { get; set; }

    public int Version { get; set; }

    public ItemState State { get; set; }
}
