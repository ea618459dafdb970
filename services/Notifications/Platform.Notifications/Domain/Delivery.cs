using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

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
