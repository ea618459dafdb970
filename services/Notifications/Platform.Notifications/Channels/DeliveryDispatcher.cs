using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Channels;

/// <summary>
/// Sends what is due, channel by channel: a failure is retried with exponential backoff
/// (Notifications:RetryBase × 2^(attempt−1)), and after Notifications:MaxAttempts it is dead — kept for the office
/// to see and retry. A webhook subscription failing Notifications:DisableWebhookAfter deliveries in a row is switched
/// off. One channel's failure never holds up another's.
/// </summary>
public sealed partial class DeliveryDispatcher(
    NotificationsDbContext db,
    IEnumerable<IChannelSender> senders,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<DeliveryDispatcher> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deliveries
            .FromSql($"""
                SELECT * FROM deliveries WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT 100 FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        var subscriptionIds = due.Where(d => d.Channel == DeliveryChannel.Webhook)
            .Select(d => Guid.TryParse(d.Target, out var id) ? id : Guid.Empty)
            .ToList();
        var subscriptions = await db.Webhooks
            .Where(w => subscriptionIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id.ToString(), cancellationToken);
        var maxAttempts = configuration.GetValue("Notifications:MaxAttempts", 6);
        var retryBase = configuration.GetValue("Notifications:RetryBase", TimeSpan.FromSeconds(30));
        var disableAfter = configuration.GetValue("Notifications:DisableWebhookAfter", 20);
        var sent = 0;
        foreach (var delivery in due)
        {
            var subscription = subscriptions.GetValueOrDefault(delivery.Target);
            delivery.Attempts++;
            try
            {
                var sender = senders.SingleOrDefault(s => s.Channel == delivery.Channel)
                    ?? throw new InvalidOperationException(
                        $"no {delivery.Channel} channel is configured on this service");
                await sender.SendAsync(delivery, subscription, cancellationToken);
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DeliveredAt = clock.GetUtcNow();
                delivery.LastError = null;
                subscription?.ConsecutiveFailures = 0;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException
                || !cancellationToken.IsCancellationRequested)
            {
                delivery.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                if (delivery.Attempts >= maxAttempts)
                {
                    delivery.Status = DeliveryStatus.Dead;
                    LogDead(delivery.Id, delivery.Channel, delivery.Attempts, delivery.LastError);
                    if (subscription is not null && ++subscription.ConsecutiveFailures >= disableAfter)
                    {
                        subscription.Active = false;
                    }
                }
                else
                {
                    delivery.NextAttemptAt = clock.GetUtcNow() + retryBase * Math.Pow(2, delivery.Attempts - 1);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Delivery {Id} on {Channel} is dead after {Attempts} attempts: {Error}")]
    private partial void LogDead(long id, DeliveryChannel channel, int attempts, string error);
}
