using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>
/// Webhooks: POST of the JSON body with X-Duban-Timestamp (Unix seconds) and X-Duban-Signature
/// ("sha256=" + hex HMAC-SHA256 of "{timestamp}.{body}" under the subscription's secret); a receiver checks both and
/// refuses old timestamps against replay. Any 2xx is delivered; a redirect is a failure, never followed.
/// </summary>
/// <remarks>
/// The delivery log is shown to the district office that chose the URL, so a failure reads only as one of
/// <see cref="NotPublic"/>, <see cref="NotHttps"/>, "failed: HTTP &lt;code&gt;", <see cref="TimedOut"/> or
/// <see cref="CouldNotConnect"/>: never the receiver's body or reason phrase, nor the socket's error text, which would
/// tell an office what answers behind an address (a port scanner). The full exception goes to the service's log.
/// </remarks>
public sealed partial class WebhookSender(
    IHttpClientFactory clients,
    WebhookTargets targets,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : IChannelSender
{
    public const string TimestampHeader = "X-Duban-Timestamp";
    public const string SignatureHeader = "X-Duban-Signature";
    public const string DeliveryHeader = "X-Duban-Delivery";

    public const string NotPublic = "refused: not a public address";
    public const string NotHttps = "refused: not https";
    public const string TimedOut = "failed: timeout";
    public const string CouldNotConnect = "failed: could not connect";
    public const string SubscriptionDeleted = "the subscription was deleted";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static string Failed(HttpStatusCode status) => $"failed: HTTP {(int)status}";

    /// <summary>
    /// A webhook delivery's last error as the office may see it: one of the fixed outcomes above, else (a row written
    /// before these rules, which may quote a receiver or a socket) just "failed".
    /// </summary>
    public static string? Shown(string? lastError) =>
        lastError is null or NotPublic or NotHttps or TimedOut or CouldNotConnect or SubscriptionDeleted ||
        (lastError.StartsWith("failed: HTTP ", StringComparison.Ordinal)
            && lastError.Length == "failed: HTTP 000".Length
            && lastError[^3..].All(char.IsAsciiDigit))
            ? lastError
            : "failed";

    public async Task SendAsync(
        Delivery delivery,
        WebhookSubscription? subscription,
        CancellationToken cancellationToken)
    {
        if (subscription is null)
        {
            throw new InvalidOperationException(SubscriptionDeleted);
        }

        if (!Uri.TryCreate(subscription.Url, UriKind.Absolute, out var url) || !targets.IsAllowedScheme(url))
        {
            throw Failure(delivery, NotHttps, null);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(subscription.Secret, timestamp, delivery.Payload));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        HttpStatusCode status;
        try
        {
            // Headers only: the body is never read, so a receiver cannot make the service buffer a large answer.
            using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken);
            status = response.StatusCode;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(delivery, TimedOut, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or NotPublicAddressException or IOException)
        {
            throw Failure(
                delivery,
                Causes(ex).Any(e => e is NotPublicAddressException) ? NotPublic : CouldNotConnect,
                ex);
        }

        if ((int)status is < 200 or > 299)
        {
            throw Failure(delivery, Failed(status), null);
        }
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private WebhookFailedException Failure(Delivery delivery, string outcome, Exception? cause)
    {
        LogFailed(cause, delivery.Id, delivery.Target, outcome);
        return new WebhookFailedException(outcome, cause);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Webhook delivery {Id} to subscription {Subscription}: {Outcome}")]
    private partial void LogFailed(Exception? exception, long id, string subscription, string outcome);
}
