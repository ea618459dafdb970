using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// One message to one person in the in-app inbox. Its cause key (event or rule, period, unit) is unique per recipient,
/// so a redelivered event or a second pass of the clock never notifies the same person twice for the same cause.
/// </summary>
public sealed class Notification : ITenantEntity
{
    public const int MaxBodyLength = 8000;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid RecipientId { get; set; }

    public NotificationKind Kind { get; set; }

    public required string CauseKey { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public Guid? TaskId { get; set; }

    public string? Period { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
