namespace Platform.Notifications.Domain;

public enum DeliveryStatus
{
    Pending = 1,
    Delivered = 2,

    /// <summary>Every attempt failed: it waits for the office to look and retry (dead letter).</summary>
    Dead = 3,
}
