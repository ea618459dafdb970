using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// The newest version of one year-end completion report (年度完成情况) that an event told this service: a returned or
/// accepted event older than it (another queue, a replay) tells nobody anything.
/// </summary>
public sealed class CompletionState : ITenantEntity
{
    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public int Year { get; set; }

    public Guid LeadUnitId { get; set; }

    public int Version { get; set; }

    public ItemState State { get; set; }
}
