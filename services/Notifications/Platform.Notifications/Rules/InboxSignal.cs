using System.Collections.Concurrent;

namespace Platform.Notifications.Rules;

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

    /// <summary>
    /// Completes when the recipient gets something, or after the timeout (watchers poll too: a pulse may
    /// precede the commit).
    /// </summary>
    public async Task WaitAsync(Guid recipient, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = waiting.GetOrAdd(
            recipient,
            _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
