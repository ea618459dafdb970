using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>/health's detail of the error queues, as the monitor last measured them.</summary>
internal sealed class ErrorQueuesHealthCheck(ErrorQueues errorQueues) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(errorQueues.ToHealth());
}
