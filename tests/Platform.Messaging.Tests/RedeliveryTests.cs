using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

/// <summary>
/// A consumer whose database is down keeps the message and applies it once the database is back; a poison message
/// goes to the error queue, is counted there, and the operator's re-drive applies it once it can be.
/// </summary>
public sealed class RedeliveryTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private const string Tenant = "500103";

    [Fact]
    public async Task AConsumerWaitsOutADatabaseOutageAndAppliesTheMessageOnce()
    {
        var id = Guid.NewGuid();
        await PublishAsync(new TroubledNote { TenantId = Tenant, NoteId = id, OutageAttempts = 4 });

        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(id) == 1, TimeSpan.FromSeconds(60)), "never applied after the outage");
        Assert.Equal(5, TroubledNoteConsumer.Attempts[TroubledNoteConsumer.Key(host.DatabaseName, id)]);
        // (Only this consumer's queue: other tests' dead-lettered notes reach every host's note-added queue.)
        var depths = await host.Host.Services.GetRequiredService<ErrorQueues>().DepthsAsync(CancellationToken.None);
        Assert.Equal(0u, depths.Single(d => d.Queue.Contains("troubled", StringComparison.Ordinal)).Error);
    }

    [Fact]
    public async Task APoisonMessageIsParkedCountedAndReDrivenOnceItCanApply()
    {
        var errorQueues = host.Host.Services.GetRequiredService<ErrorQueues>();
        var id = Guid.NewGuid();
        await PublishAsync(new TroubledNote { TenantId = Tenant, NoteId = id, Poison = true });

        var queue = errorQueues.Queues.Single(q => q.Contains("troubled", StringComparison.Ordinal));
        Assert.True(await host.WaitUntilAsync(async () =>
            (await errorQueues.DepthsAsync(CancellationToken.None)).Single(d => d.Queue == queue).Error == 1, TimeSpan.FromSeconds(30)),
            "the poison message did not reach the error queue");
        // A poison message is not waited on like an outage: a few quick tries, then the error queue.
        Assert.InRange(TroubledNoteConsumer.Attempts[TroubledNoteConsumer.Key(host.DatabaseName, id)], 1, 5);
        Assert.Equal(0, await host.AppliedCountAsync(id));
        Assert.Contains("error queues", errorQueues.ToHealth().Description, StringComparison.Ordinal);

        TroubledNoteConsumer.Healed[id] = true;
        var moved = await errorQueues.RedriveAsync(queue + "_error", CancellationToken.None);
        Assert.Equal(1, moved.Single().Moved);
        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(id) == 1), "the re-driven message was not applied");

        // Nothing left to move, and a second re-drive applies nothing twice.
        Assert.Equal(0, (await errorQueues.RedriveAsync(queue, CancellationToken.None)).Single().Moved);
        await Task.Delay(500);
        Assert.Equal(1, await host.AppliedCountAsync(id));
        Assert.Equal(0u, (await errorQueues.DepthsAsync(CancellationToken.None)).Single(d => d.Queue == queue).Error);
    }

    [Fact]
    public async Task ReDrivingAQueueTheServiceDoesNotConsumeIsRefused()
    {
        var errorQueues = host.Host.Services.GetRequiredService<ErrorQueues>();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => errorQueues.RedriveAsync("someone-elses-queue_error", CancellationToken.None));
    }

    private async Task PublishAsync(TroubledNote message)
    {
        await using var scope = host.Scope(Tenant);
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(message);
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
    }
}

/// <summary>The relay leases what it publishes instead of holding a transaction, and honours another relay's lease.</summary>
public sealed class OutboxLeaseTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task ARowLeasedByAnotherRelayWaitsForItsLeaseAndIsThenPublishedOnce()
    {
        var note = Guid.NewGuid();
        Guid rowId;
        await using (var scope = host.Scope("500103"))
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new NoteAdded { TenantId = "500103", NoteId = note });
            var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
            row.LockedUntil = DateTimeOffset.UtcNow.AddHours(1); // as if another relay had claimed it and were publishing
            rowId = row.Id;
            await db.SaveChangesAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Null((await RowAsync(rowId)).SentAt);
        Assert.Equal(0, await host.AppliedCountAsync(note));

        // That relay died: once its lease has run out the row is taken over.
        await using (var scope = host.Scope(null))
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().Where(m => m.Id == rowId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        Assert.True(await host.WaitUntilAsync(async () => (await RowAsync(rowId)).SentAt is not null), "the expired lease was not taken over");
        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(note) == 1));
        Assert.Null((await RowAsync(rowId)).LockedUntil);
    }

    [Fact]
    public async Task TwoRelaysAtOnceClaimEachRowOnce()
    {
        var relay = host.Host.Services.GetRequiredService<OutboxRelay<TestDbContext>>();
        await using (var scope = host.Scope("500103"))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 0; i < 40; i++)
            {
                outbox.Enqueue(new NoteAdded { TenantId = "500103", NoteId = Guid.NewGuid() });
            }

            // Saved inside a transaction, so the relay is not woken before both passes below start.
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var passes = await Task.WhenAll(relay.RelayBatchAsync(CancellationToken.None), relay.RelayBatchAsync(CancellationToken.None));
        Assert.True(passes.Sum(p => p.Sent) <= 40, "a row was published by both passes");
        Assert.True(await host.WaitUntilAsync(async () =>
        {
            await using var scope = host.Scope(null);
            return !await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AnyAsync(m => m.SentAt == null);
        }));
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var scope = host.Scope(null);
        return await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

/// <summary>With the broker unreachable the relay records its failures and never sits idle in a transaction.</summary>
public sealed class OutboxWithoutBrokerTests(NoBrokerMessagingHost host) : IClassFixture<NoBrokerMessagingHost>
{
    [Fact]
    public async Task APublishThatTimesOutIsRecordedAndBackedOffWithoutHoldingATransaction()
    {
        Guid rowId;
        await using (var scope = host.Scope("500103"))
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new NoteAdded { TenantId = "500103", NoteId = Guid.NewGuid() });
            rowId = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
            await db.SaveChangesAsync();
        }

        var idleInTransaction = 0L;
        OutboxMessage? row = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(host.AdminConnectionString) { Database = host.DatabaseName }.ConnectionString);
        await admin.OpenAsync();
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()", admin);
            idleInTransaction = Math.Max(idleInTransaction, (long)(await command.ExecuteScalarAsync())!);
            await using var scope = host.Scope(null);
            row = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == rowId);
            if (row.Attempts >= 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(row!.Attempts >= 2, $"the relay did not retry (attempts {row.Attempts})");
        Assert.Null(row.SentAt);
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.Equal(0, idleInTransaction);
        Assert.True(host.Host.Services.GetRequiredService<OutboxLag>().Pending >= 1, "the lag metric does not count the waiting row");
    }
}
