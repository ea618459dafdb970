using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>
/// E-mail over SMTP (Smtp:Host, Port, Security = None|StartTls|SslOnConnect, Username, Password, From).
/// </summary>
public sealed class EmailSender(IConfiguration configuration) : IChannelSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(
        Delivery delivery,
        WebhookSubscription? subscription,
        CancellationToken cancellationToken)
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
            HtmlBody =
                $"<html><body><h3>{WebUtility.HtmlEncode(delivery.Subject)}</h3>" +
                $"<p>{WebUtility.HtmlEncode(delivery.Payload).Replace("\n", "<br/>", StringComparison.Ordinal)}</p>" +
                $"<p style=\"color:#888\">{WebUtility.HtmlEncode(footer.Trim())}</p></body></html>",
        }.ToMessageBody();

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp["Security"], ignoreCase: true, out var s)
            ? s
            : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(
            smtp["Host"] ?? throw new InvalidOperationException("Smtp:Host is not configured"),
            smtp.GetValue("Port", 25),
            security,
            cancellationToken);
        if (smtp["Username"] is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, smtp["Password"] ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
