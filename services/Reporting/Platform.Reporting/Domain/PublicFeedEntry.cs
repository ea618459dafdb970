using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// One entry of a district's public feed: the page published or withdrawn, or a task's public status changed. Holds
/// only what the minimal public page shows (a task's number, text and public status).
/// </summary>
public sealed class PublicFeedEntry : ITenantEntity
{
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string StatusChanged = "status";

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? TaskId { get; set; }

    public string? TaskNumber { get; set; }

    public string? TaskText { get; set; }

    public PublicStatus? Status { get; set; }
}
