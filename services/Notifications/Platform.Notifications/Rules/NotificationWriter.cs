using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Rules;

/// <summary>
/// Adds notifications that are not there yet (by recipient and cause key) and tells live inbox watchers. The unique
/// index on (recipient, cause) is the last guard: a concurrent duplicate fails the transaction, which is retried and
/// then finds the key.
/// </summary>
public sealed class NotificationWriter(NotificationsDbContext db, TimeProvider clock, InboxSignal signal)
{
    public const string Reporter = "unit-reporter";

    /// <summary>The active reporters of a unit: whom its reports concern.</summary>
    public Task<List<Recipient>> ReportersAsync(string tenant, Guid unit, CancellationToken cancellationToken) =>
        db.Recipients.Where(r => r.TenantId == tenant && r.UnitId == unit && !r.Disabled && r.Roles.Contains(Reporter)).ToListAsync(cancellationToken);

    /// <summary>The district's office and leaders: whom a 督办单 goes to.</summary>
    public Task<List<Recipient>> OfficeAndLeadersAsync(string tenant, CancellationToken cancellationToken) =>
        db.Recipients.Where(r => r.TenantId == tenant && !r.Disabled && (r.Roles.Contains("district-admin") || r.Roles.Contains("district-leader")))
            .ToListAsync(cancellationToken);

    public async Task<NotificationSettings> SettingsAsync(string tenant, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenant, cancellationToken) ?? NotificationSettings.Default(tenant);

    /// <summary>Adds those of the notifications whose (recipient, cause) is new; saving is the caller's.</summary>
    public async Task<int> AddAsync(IReadOnlyCollection<Notification> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keys = candidates.Select(c => c.CauseKey).Distinct().ToList();
        var recipients = candidates.Select(c => c.RecipientId).Distinct().ToList();
        var existing = (await db.Notifications.Where(n => keys.Contains(n.CauseKey) && recipients.Contains(n.RecipientId))
                .Select(n => new { n.RecipientId, n.CauseKey }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.CauseKey)).ToHashSet();
        var now = clock.GetUtcNow();
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
        }

        return added;
    }
}

/// <summary>Wakes a person's live inbox watchers (WatchInbox) when something is added for them.</summary>
public sealed class InboxSignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> waiting = new();

    public void Pulse(Guid recipient)
    {
        if (waiting.TryRemove(recipient, out var source))
        {
            source.TrySetResult();
        }
    }

    /// <summary>Completes when the recipient gets something, or after the timeout (watchers poll too: a pulse may precede the commit).</summary>
    public async Task WaitAsync(Guid recipient, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = waiting.GetOrAdd(recipient, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await source.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing arrived: the watcher looks anyway.
        }
    }
}
