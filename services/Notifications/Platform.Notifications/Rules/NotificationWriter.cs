using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Rules;

/// <summary>
/// Adds notifications that are not there yet (by recipient and cause key) and tells live inbox watchers. The unique
/// index on (recipient, cause) is the last guard: a concurrent duplicate fails the transaction, which is retried and
/// then finds the key.
/// </summary>
public sealed class NotificationWriter(
    NotificationsDbContext db,
    TimeProvider clock,
    InboxSignal signal,
    IConfiguration configuration)
{
    // Webhook bodies keep Chinese text as UTF-8, not \u escapes: receivers log and read them.
    private static readonly System.Text.Json.JsonSerializerOptions Json =
        new(System.Text.Json.JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string Reporter = PlatformRoles.UnitReporter;

    /// <summary>The active reporters of a unit: whom its reports concern.</summary>
    public Task<List<Recipient>> ReportersAsync(string tenant, Guid unit, CancellationToken cancellationToken) =>
        db.Recipients
            .Where(r => r.TenantId == tenant && r.UnitId == unit && !r.Disabled && r.Roles.Contains(Reporter))
            .ToListAsync(cancellationToken);

    /// <summary>Every active person of a district (the ladder's pass addresses many units at once).</summary>
    public Task<List<Recipient>> PeopleAsync(string tenant, CancellationToken cancellationToken) =>
        db.Recipients.AsNoTracking().Where(r => r.TenantId == tenant && !r.Disabled).ToListAsync(cancellationToken);

    public async Task<NotificationSettings> SettingsAsync(string tenant, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenant, cancellationToken)
            ?? NotificationSettings.Default(tenant);

    /// <summary>Adds those of the notifications whose (recipient, cause) is new; saving is the caller's.</summary>
    public async Task<int> AddAsync(IReadOnlyCollection<Notification> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keys = candidates.Select(c => c.CauseKey).Distinct().ToList();
        var recipients = candidates.Select(c => c.RecipientId).Distinct().ToList();
        var existing =
            (await db.Notifications.Where(n => keys.Contains(n.CauseKey) && recipients.Contains(n.RecipientId))
                .Select(n => new { n.RecipientId, n.CauseKey }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.CauseKey)).ToHashSet();
        var now = clock.GetUtcNow();
        var tenants = candidates.Select(c => c.TenantId).Distinct().ToList();
        var subscriptions = await db.Webhooks
            .AsNoTracking()
            .Where(w => tenants.Contains(w.TenantId) && w.Active)
            .ToListAsync(cancellationToken);
        var emails = configuration["Smtp:Host"] is { Length: > 0 }
            ? await db.Preferences
                .AsNoTracking()
                .Where(p => recipients.Contains(p.RecipientId) && p.EmailEnabled && p.Email != null)
                .ToDictionaryAsync(p => p.RecipientId, p => p.Email!, cancellationToken)
            : [];
        var usernames = subscriptions.Count == 0
            ? []
            : await db.Recipients
                .AsNoTracking()
                .Where(r => recipients.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Username, cancellationToken);
        var bindings = configuration.GetSection("Notifications:Dapr:Bindings").Get<string[]>() ?? [];
        var added = 0;
        foreach (var notification in candidates.DistinctBy(c => (c.RecipientId, c.CauseKey)))
        {
            if (existing.Contains((notification.RecipientId, notification.CauseKey)))
            {
                continue;
            }

            notification.CreatedAt = now;
            if (notification.Body.Length > Notification.MaxBodyLength)
            {
                notification.Body = notification.Body[..(Notification.MaxBodyLength - 1)] + "…";
            }

            db.Notifications.Add(notification);
            signal.Pulse(notification.RecipientId);
            added++;
            var cause = $"{notification.CauseKey}:{notification.RecipientId}";
            if (emails.TryGetValue(notification.RecipientId, out var email))
            {
                db.Deliveries.Add(Delivery(notification, DeliveryChannel.Email, email, cause, notification.Body, now));
            }

            foreach (var binding in bindings)
            {
                db.Deliveries
                    .Add(Delivery(notification, DeliveryChannel.Binding, binding, cause, notification.Body, now));
            }

            foreach (var subscription in subscriptions.Where(w => w.TenantId == notification.TenantId
                && (w.Kinds.Count == 0 || w.Kinds.Contains(notification.Kind.ToString()))))
            {
                var payload = System.Text.Json.JsonSerializer.Serialize(new
                {
                    cause,
                    tenant = notification.TenantId,
                    kind = notification.Kind.ToString(),
                    notification.Title,
                    notification.Body,
                    recipient = usernames.GetValueOrDefault(notification.RecipientId),
                    notification.Period,
                    notification.TaskId,
                    createdAt = now,
                }, Json);
                db.Deliveries.Add(Delivery(
                    notification,
                    DeliveryChannel.Webhook,
                    subscription.Id.ToString(),
                    cause,
                    payload,
                    now));
            }
        }

        return added;
    }

    private static Delivery Delivery(
        Notification notification,
        DeliveryChannel channel,
        string target,
        string cause,
        string payload,
        DateTimeOffset now) => new()
    {
        TenantId = notification.TenantId,
        Channel = channel,
        Target = target,
        CauseKey = cause,
        Subject = notification.Title,
        Payload = payload,
        CreatedAt = now, NextAttemptAt = now,
    };
}
