using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>
/// /health's detail of the outbox: reports what the relay last measured, no I/O on the request's path.
/// </summary>
internal sealed class OutboxHealthCheck(OutboxLag lag) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lag.ToHealth());
}
