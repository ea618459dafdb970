using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;

namespace Platform.Messaging;

/// <summary>
/// Moves committed outbox rows to RabbitMQ without ever holding a database transaction across a network call: a
/// pass claims due rows with a lease (one short UPDATE … FOR UPDATE SKIP LOCKED, so replicas share the work), then
/// publishes each with publisher confirms and a timeout, then marks what the broker confirmed as sent. A failure
/// records the attempt, the error and the next attempt time; the rest of the batch waits with it rather than timing
/// out one by one against a broker that is down. The row id is the message id, which consumers' inboxes deduplicate
/// on, so a row published twice (a relay that died before marking it) is applied once. It runs on real time only.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxLag lag,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly List<Guid> confirmedUnmarked = [];
    private DateTimeOffset lastCleanup = DateTimeOffset.MinValue;
    private DateTimeOffset lastMeasured = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                var pass = await RelayBatchAsync(stoppingToken);
                await MeasureLagAsync(stoppingToken);
                await CleanupIfDueAsync(stoppingToken);
                if (pass.Failed is { } retryAt)
                {
                    wait = TimeSpan.FromTicks(
                        Math.Max(0, Math.Min((retryAt - Clock.GetUtcNow()).Ticks, options.Value.MaxRetryDelay.Ticks)));
                }
                else if (pass.Claimed == options.Value.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                lag.Failed(ex.GetBaseException().Message);
                LogRelayFailed(ex);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims due rows, publishes them, marks them. Never inside an open transaction.</summary>
    public async Task<RelayPass> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("outbox relay pass");
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await MarkConfirmedAsync(db, cancellationToken);
        var (batch, leasedUntil) = await ClaimAsync(db, cancellationToken);
        var sent = new List<Guid>();
        var handedBack = new List<Guid>();
        DateTimeOffset? retryAt = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            if (Clock.GetUtcNow() + options.Value.PublishTimeout >= leasedUntil)
            {
                // A slow broker: what could not be published within the lease goes back, unleased, for the next pass
                // rather than being published while another relay may already have taken it over.
                handedBack = batch.Skip(i).Select(r => r.Id).ToList();
                break;
            }

            if (Read(row) is not { } message)
            {
                // A body this build cannot read is this row's problem only; it keeps its record and the batch goes on.
                await FailAsync(
                    db,
                    row,
                    new InvalidOperationException($"{row.MessageType} cannot be read by this build."),
                    cancellationToken);
                continue;
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.PublishTimeout);
                await bus.Publish(message.Body, message.Type, context => context.MessageId = row.Id, timeout.Token);
                sent.Add(row.Id);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The broker is failing: the rest of the batch waits for the same next attempt.
                retryAt = await FailAsync(db, row, ex, cancellationToken);
                handedBack = batch.Skip(i + 1).Select(r => r.Id).ToList();
                break;
            }
        }

        await MarkSentAsync(db, sent, cancellationToken);
        await HandBackAsync(db, handedBack, retryAt, cancellationToken);
        return new RelayPass(batch.Count, sent.Count, retryAt);
    }

    /// <summary>
    /// Releases the lease of rows this pass did not publish, to be tried again at <paramref name="retryAt"/> if given.
    /// </summary>
    private static Task HandBackAsync(
        TDbContext db, List<Guid> ids, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null);
                if (retryAt is { } at)
                {
                    s.SetProperty(m => m.NextAttemptAt, at);
                }
            }, cancellationToken);

    private async Task<(List<OutboxMessage> Rows, DateTimeOffset LeasedUntil)> ClaimAsync(
        TDbContext db, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var until = now + options.Value.Lease;
        var rows = await db.Set<OutboxMessage>()
            .FromSql($"""
                UPDATE outbox_messages SET "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM outbox_messages
                    WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                      AND ("LockedUntil" IS NULL OR "LockedUntil" <= {now})
                    ORDER BY "CreatedAt"
                    LIMIT {options.Value.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return (rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList(), until);
    }

    private static (object Body, Type Type)? Read(OutboxMessage row)
    {
        try
        {
            var type = Type.GetType(row.MessageType, throwOnError: true)!;
            return (JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)!, type);
        }
        catch (Exception ex) when (ex is JsonException or TypeLoadException or FileNotFoundException
            or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks what the broker confirmed. If the database fails just then (it went down after the publish), the ids are
    /// kept and marked on the next pass, rather than left to be published again when their lease runs out.
    /// </summary>
    private async Task MarkSentAsync(TDbContext db, List<Guid> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        lock (confirmedUnmarked)
        {
            confirmedUnmarked.AddRange(sent);
        }

        await MarkConfirmedAsync(db, cancellationToken);
    }

    private async Task MarkConfirmedAsync(TDbContext db, CancellationToken cancellationToken)
    {
        List<Guid> ids;
        lock (confirmedUnmarked)
        {
            ids = [.. confirmedUnmarked];
        }

        if (ids.Count == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);
        lock (confirmedUnmarked)
        {
            confirmedUnmarked.RemoveAll(ids.Contains);
        }
    }

    private async Task<DateTimeOffset> FailAsync(
        TDbContext db, OutboxMessage row, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var delay = TimeSpan.FromTicks(Math.Min(
            options.Value.MaxRetryDelay.Ticks,
            options.Value.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var retryAt = Clock.GetUtcNow() + delay;
        var error = exception is OperationCanceledException
            ? $"The broker did not confirm the publish within {options.Value.PublishTimeout.TotalSeconds:0} s."
            : exception.GetBaseException().Message;
        error = error.Length > 2000 ? error[..2000] : error;
        await db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        lag.Failed(error);
        LogPublishFailed(exception, row.Id, row.MessageType, attempts, delay);
        return retryAt;
    }

    /// <summary>
    /// At most once per poll interval: a relay draining a backlog batch after batch does not count each time.
    /// </summary>
    private async Task MeasureLagAsync(CancellationToken cancellationToken)
    {
        if (Clock.GetUtcNow() - lastMeasured < options.Value.PollInterval)
        {
            return;
        }

        lastMeasured = Clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>()
            .AsSystem("outbox lag measurement");
        var pending = scope.ServiceProvider.GetRequiredService<TDbContext>()
            .Set<OutboxMessage>()
            .Where(m => m.SentAt == null);
        var stats = await pending.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(m => m.CreatedAt), Attempts = g.Max(m => m.Attempts) })
            .SingleOrDefaultAsync(cancellationToken);
        var error = stats is null
            ? null
            : await pending.Where(m => m.LastError != null)
                .OrderByDescending(m => m.Attempts)
                .Select(m => m.LastError)
                .FirstOrDefaultAsync(cancellationToken);
        lag.Measured(stats?.Count ?? 0, stats?.Oldest, stats?.Attempts ?? 0, error, Clock.GetUtcNow());
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (now - lastCleanup < options.Value.CleanupInterval)
        {
            return;
        }

        lastCleanup = now;
        await using var scope = scopes.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("outbox clean-up");
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = now - options.Value.Retention;
        var sent = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt != null && m.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var applied = await db.Set<InboxMessage>()
            .Where(m => m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (sent + applied > 0)
        {
            LogCleanedUp(sent, applied);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying on the next pass")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Publishing outbox message {MessageId} ({MessageType}) failed on attempt {Attempts}; next try in " +
            "{Delay}")]
    private partial void LogPublishFailed(
        Exception exception, Guid messageId, string messageType, int attempts, TimeSpan delay);

    [LoggerMessage(
        Level = LogLevel.Information, Message = "Outbox clean-up removed {Sent} sent and {Applied} inbox rows")]
    private partial void LogCleanedUp(int sent, int applied);
}
