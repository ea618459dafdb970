using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>An integration client's endpoint for a district's notifications, signed with its own secret.</summary>
public sealed class WebhookSubscription : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public required string Url { get; set; }

    /// <summary>The HMAC key, shown once when the subscription is created.</summary>
    public required string Secret { get; set; }

    /// <summary>Notification kinds sent; empty for all.</summary>
    public List<string> Kinds { get; set; } = [];

    public bool Active { get; set; } = true;

    public int ConsecutiveFailures { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
