using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

public enum DeliveryChannel
{
    Email = 1,
    Webhook = 2,

    /// <summary>A Dapr output binding (DingTalk, SMS, SMTP components) through the sidecar.</summary>
    Binding = 3,
}

public enum DeliveryStatus
{
    Pending = 1,
    Delivered = 2,

    /// <summary>Every attempt failed: it waits for the office to look and retry (dead letter).</summary>
    Dead = 3,
}

/// <summary>
/// One message to send on one channel to one target (an address, a webhook subscription), tried with exponential
/// backoff until it is delivered or dead. Unique per channel, target and cause, so nothing is sent twice.
/// </summary>
public sealed class Delivery : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public DeliveryChannel Channel { get; set; }

    /// <summary>The e-mail address, the webhook subscription's id, or the Dapr binding's name.</summary>
    public required string Target { get; set; }

    public required string CauseKey { get; set; }

    public required string Subject { get; set; }

    /// <summary>The text body of an e-mail, or the JSON body of a webhook call.</summary>
    public required string Payload { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

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

/// <summary>A person's channels besides the inbox (which is always on).</summary>
public sealed class Preference : ITenantEntity
{
    public Guid RecipientId { get; set; }

    public required string TenantId { get; set; }

    public string? Email { get; set; }

    public bool EmailEnabled { get; set; }
}
