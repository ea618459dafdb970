using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>The delays between attempts to apply a message while a dependency is down.</summary>
public static class Redelivery
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>1 s, 2 s, 4 s … doubling up to 5 min, until they add up to <paramref name="window"/>.</summary>
    public static IEnumerable<TimeSpan> Intervals(TimeSpan window)
    {
        var total = TimeSpan.Zero;
        var next = First;
        while (total < window)
        {
            yield return next;
            total += next;
            next = next * 2 > Longest ? Longest : next * 2;
        }
    }
}

/// <summary>/health's detail of the outbox: reports what the relay last measured, no I/O on the request's path.</summary>
internal sealed class OutboxHealthCheck(OutboxLag lag) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lag.ToHealth());
}

/// <summary>/health's detail of the error queues, as the monitor last measured them.</summary>
internal sealed class ErrorQueuesHealthCheck(ErrorQueues errorQueues) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(errorQueues.ToHealth());
}
