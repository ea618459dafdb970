namespace Platform.Notifications.Domain;

public enum DeliveryChannel
{
    Email = 1,
    Webhook = 2,

    /// <summary>A Dapr output binding (DingTalk, SMS, SMTP components) through the sidecar.</summary>
    Binding = 3,
}
