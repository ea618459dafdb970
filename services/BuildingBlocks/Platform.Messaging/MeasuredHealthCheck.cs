using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>
/// A part of /health that reports what was last measured in the background (the outbox's lag, the error queues'
/// depths): no I/O on the request's path.
/// </summary>
internal sealed class MeasuredHealthCheck<TSource>(TSource source) : IHealthCheck
    where TSource : IMeasuredHealth
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.ToHealth());
}
