using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// The public status last recorded for a task: the feed compares the status computed now with it, so a status that
/// did not change (an event delivered twice, a late one) adds no entry.
/// </summary>
public sealed class PublicTaskStatus : ITenantEntity
{
    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public PublicStatus Status { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
