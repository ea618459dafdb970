using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging;

/// <summary>
/// Wakes the relay once outbox rows are saved, not when they are enqueued: a relay woken before the commit finds
/// nothing and would wait for its next poll. (Rows saved inside a longer transaction are picked up by the poll.)
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Notify(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null
            && context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null) == true)
        {
            signal.Notify();
        }
    }
}
