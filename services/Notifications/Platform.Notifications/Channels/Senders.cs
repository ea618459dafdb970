using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>Sends one delivery on its channel; throws with a readable reason when the far side refuses or is away.</summary>
public interface IChannelSender
{
    DeliveryChannel Channel { get; }

    Task SendAsync(Delivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken);
}

/// <summary>
/// Webhooks: POST of the JSON body with X-Duban-Timestamp (Unix seconds) and X-Duban-Signature
/// ("sha256=" + hex HMAC-SHA256 of "{timestamp}.{body}" under the subscription's secret); a receiver checks both and
/// refuses old timestamps against replay. Any 2xx is delivered.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock) : IChannelSender
{
    public const string TimestampHeader = "X-Duban-Timestamp";
    public const string SignatureHeader = "X-Duban-Signature";
    public const string DeliveryHeader = "X-Duban-Delivery";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task SendAsync(Delivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken)
    {
        if (subscription is null)
        {
            throw new InvalidOperationException("the subscription was deleted");
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(subscription.Secret, timestamp, delivery.Payload));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the receiver answered {(int)response.StatusCode} {response.StatusCode}", null, response.StatusCode);
        }
    }
}

/// <summary>E-mail over SMTP (Smtp:Host, Port, Security = None|StartTls|SslOnConnect, Username, Password, From).</summary>
public sealed class EmailSender(IConfiguration configuration) : IChannelSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(Delivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken)
    {
        var smtp = configuration.GetSection("Smtp");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp["From"] ?? "duban@localhost"));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = $"【督办】{delivery.Subject}";
        var footer = "\n\n—— 督办平台（本邮件由系统发送，请登录平台处理）";
        message.Body = new BodyBuilder
        {
            TextBody = delivery.Payload + footer,
            HtmlBody = $"<html><body><h3>{WebUtility.HtmlEncode(delivery.Subject)}</h3><p>{WebUtility.HtmlEncode(delivery.Payload).Replace("\n", "<br/>", StringComparison.Ordinal)}</p>" +
                       $"<p style=\"color:#888\">{WebUtility.HtmlEncode(footer.Trim())}</p></body></html>",
        }.ToMessageBody();

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp["Security"], ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(smtp["Host"] ?? throw new InvalidOperationException("Smtp:Host is not configured"), smtp.GetValue("Port", 25), security, cancellationToken);
        if (smtp["Username"] is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, smtp["Password"] ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

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
