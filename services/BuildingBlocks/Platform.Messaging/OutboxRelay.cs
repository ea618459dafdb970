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
/// Moves committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so several replicas share
/// the work; a row is marked sent only after the broker confirmed it (publisher confirms); failures are retried with
/// backoff. The row id is the message id, which is what consumers' inboxes deduplicate on.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private DateTimeOffset lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await RelayBatchAsync(stoppingToken);
                await CleanupIfDueAsync(stoppingToken);
                if (relayed == options.Value.BatchSize)
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
                LogRelayFailed(ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Relays one batch of due messages; returns how many rows it claimed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "CreatedAt"
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        foreach (var row in batch)
        {
            try
            {
                var type = Type.GetType(row.MessageType, throwOnError: true)!;
                var message = JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)!;
                await bus.Publish(message, type, context => context.MessageId = row.Id, cancellationToken);
                row.SentAt = clock.GetUtcNow();
                row.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                row.Attempts++;
                var delay = TimeSpan.FromTicks(Math.Min(
                    options.Value.MaxRetryDelay.Ticks,
                    options.Value.RetryDelay.Ticks * (1L << Math.Min(row.Attempts - 1, 20))));
                row.NextAttemptAt = clock.GetUtcNow() + delay;
                row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                LogPublishFailed(ex, row.Id, row.MessageType, row.Attempts, delay);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - lastCleanup < options.Value.CleanupInterval)
        {
            return;
        }

        lastCleanup = now;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = now - options.Value.Retention;
        var sent = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var applied = await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (sent + applied > 0)
        {
            LogCleanedUp(sent, applied);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying on the next pass")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed on attempt {Attempts}; next try in {Delay}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox clean-up removed {Sent} sent and {Applied} inbox rows")]
    private partial void LogCleanedUp(int sent, int applied);
}
