using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>
/// Sends one delivery on its channel; throws with a readable reason when the far side refuses or is away.
/// </summary>
public interface IChannelSender
{
    DeliveryChannel Channel { get; }

    Task SendAsync(Delivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken);
}
