using System.Text;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>
/// A Dapr output binding through the sidecar (Notifications:Dapr:Bindings names the components, e.g. a DingTalk
/// webhook, an SMS gateway): operation "create", the text as data, subject, tenant and cause as metadata.
/// </summary>
public sealed class DaprBindingSender(Dapr.Client.DaprClient dapr) : IChannelSender
{
    public DeliveryChannel Channel => DeliveryChannel.Binding;

    public Task SendAsync(Delivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken) =>
        dapr.InvokeBindingAsync(new Dapr.Client.BindingRequest(delivery.Target, "create")
        {
            Data = Encoding.UTF8.GetBytes(delivery.Payload),
            Metadata =
            {
                ["subject"] = delivery.Subject,
                ["tenant"] = delivery.TenantId,
                ["cause"] = delivery.CauseKey,
            },
        }, cancellationToken);
}
