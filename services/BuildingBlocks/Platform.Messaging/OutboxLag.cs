using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>
/// How far the outbox is behind, as the relay last measured it: unsent rows, the age of the oldest, the most attempts
/// any of them took and the last error. A metric (duban.outbox.pending, duban.outbox.oldest_age) and part of /health's
/// detail, so an operator sees events piling up while the broker is away.
/// </summary>
public sealed class OutboxLag
{
    private volatile Snapshot current = new(0, null, 0, null, null);

    public OutboxLag(IMeterFactory meters)
    {
        var meter = meters.Create(MessagingMetrics.MeterName);
        meter.CreateObservableGauge("duban.outbox.pending", () => (long)current.Pending, unit: "{message}",
            description: "Outbox rows not yet confirmed by the broker");
        meter.CreateObservableGauge(
            "duban.outbox.oldest_age", () => OldestAge(TimeProvider.System.GetUtcNow()).TotalSeconds, unit: "s",
            description: "Age of the oldest outbox row not yet confirmed by the broker");
    }

    public int Pending => current.Pending;

    public TimeSpan OldestAge(DateTimeOffset now) =>
        current.Oldest is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;

    internal void Measured(int pending, DateTimeOffset? oldest, int attempts, string? lastError, DateTimeOffset now) =>
        current = new Snapshot(pending, oldest, attempts, lastError, now);

    internal void Failed(string error) => current = current with { LastError = error };

    public HealthCheckResult ToHealth()
    {
        var snapshot = current;
        var age = OldestAge(TimeProvider.System.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["pending"] = snapshot.Pending,
            ["oldestPendingSeconds"] = Math.Round(age.TotalSeconds, 1),
            ["maxAttempts"] = snapshot.Attempts,
        };
        if (snapshot.LastError is { } error)
        {
            data["lastError"] = error;
        }

        if (snapshot.MeasuredAt is { } measured)
        {
            data["measuredAt"] = measured;
        }

        // Lag is reported, not judged: a backlog behind a broker outage is what the outbox is for, and the broker's own
        // check already takes the host out of readiness while it is unreachable.
        return HealthCheckResult.Healthy(
            snapshot.Pending == 0
                ? "outbox drained"
                : $"{snapshot.Pending} events wait to be published (oldest {age.TotalSeconds:0} s)",
            data);
    }

    private sealed record Snapshot(
        int Pending, DateTimeOffset? Oldest, int Attempts, string? LastError, DateTimeOffset? MeasuredAt);
}
