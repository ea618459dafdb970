using Platform.MultiTenancy;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// A 督办单 a unit received (from SupervisionNoticeIssued), kept once per notice key whatever the deliveries.
/// </summary>
public sealed class ReceivedNotice : ITenantEntity
{
    public required string TenantId { get; set; }

    public Guid NoticeId { get; set; }

    public Guid UnitId { get; set; }

    public required string UnitName { get; set; }

    public required string Period { get; set; }

    public List<Guid> TaskIds { get; set; } = [];

    public DateTimeOffset OccurredAt { get; set; }
}
