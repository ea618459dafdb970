using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

public sealed class OutboxAndInboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task AnEventLeavesOnlyWithTheTransactionThatWroteIt()
    {
        var rolledBack = Guid.NewGuid();
        await using (var scope = host.Scope("500103"))
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Id = rolledBack, TenantId = "500103" });
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new NoteAdded { TenantId = "500103", NoteId = rolledBack });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var committed = Guid.NewGuid();
        await using (var scope = host.Scope("500103"))
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = committed, TenantId = "500103" });
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new NoteAdded { TenantId = "500103", NoteId = committed });
            await db.SaveChangesAsync();
        }

        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(committed) == 1), "the committed event was not relayed and consumed");
        Assert.Equal(0, await host.AppliedCountAsync(rolledBack));

        // The relay marks a row sent after the broker confirmed it, which may be after the consumer applied it.
        List<OutboxMessage> outbox = [];
        Assert.True(await host.WaitUntilAsync(async () =>
        {
            await using var check = host.Scope(null);
            outbox = (await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync())
                .Where(m => m.Body.Contains(committed.ToString()) || m.Body.Contains(rolledBack.ToString())).ToList();
            return outbox.Count == 1 && outbox[0].SentAt is not null;
        }), "the committed row was not marked sent");
        var row = Assert.Single(outbox);
        Assert.Equal("500103", row.TenantId);
    }

    [Fact]
    public async Task ARedeliveredMessageIsAppliedOnce()
    {
        var noteId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = host.Host.Services.GetRequiredService<IBus>();
        var message = new NoteAdded { TenantId = "500105", NoteId = noteId };
        await bus.Publish(message, c => c.MessageId = messageId);
        await bus.Publish(message, c => c.MessageId = messageId);

        // A third, distinct message proves delivery happened; the duplicate must still have been skipped.
        var marker = Guid.NewGuid();
        await bus.Publish(new NoteAdded { TenantId = "500105", NoteId = marker });
        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(marker) == 1));
        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(noteId) >= 1));
        await Task.Delay(500);
        Assert.Equal(1, await host.AppliedCountAsync(noteId));

        await using var scope = host.Scope(null);
        var inbox = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<InboxMessage>().CountAsync(m => m.MessageId == messageId);
        Assert.Equal(1, inbox);
    }

    [Fact]
    public async Task ATenantMessageWithoutItsTenantIsNeitherStoredNorPublished()
    {
        await using var scope = host.Scope("500103");
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        Assert.Throws<MissingTenantException>(() => outbox.Enqueue(new NoteAdded { TenantId = " ", NoteId = Guid.NewGuid() }));
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());

        var bus = host.Host.Services.GetRequiredService<IBus>();
        await Assert.ThrowsAsync<MissingTenantException>(() => bus.Publish(new NoteAdded { TenantId = "", NoteId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task ATenantMessageWithoutItsTenantIsRejectedByTheConsumerAndDeadLettered()
    {
        // A publisher without our filters (another system, an old version) sends a message with no tenant.
        var foreign = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(host.RabbitMq)));
        await foreign.StartAsync();
        var tenantless = Guid.NewGuid();
        var marker = Guid.NewGuid();
        try
        {
            await foreign.Publish(new NoteAdded { TenantId = "", NoteId = tenantless });
            await foreign.Publish(new NoteAdded { TenantId = "500103", NoteId = marker });
        }
        finally
        {
            await foreign.StopAsync();
        }

        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(marker) == 1));
        Assert.Equal(0, await host.AppliedCountAsync(tenantless));

        var errorQueue = new KebabCaseEndpointNameFormatter(host.ServiceName, false).Consumer<NoteAddedConsumer>() + "_error";
        var factory = new ConnectionFactory { Uri = new Uri(host.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        Assert.True(await host.WaitUntilAsync(async () =>
        {
            // The error queue appears with the first rejected message; asking for a missing queue closes the channel.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync(errorQueue)).MessageCount >= 1;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return false;
            }
        }), $"the rejected message did not reach {errorQueue}");
    }
}
