using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

public sealed class OutboxRelayTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task AMessageEnqueuedAsAnObjectTravelsUnderItsOwnType()
    {
        // A domain change hands its event over as an object: the row must still name the event's type.
        var noteId = Guid.NewGuid();
        object message = new NoteAdded { TenantId = "500103", NoteId = noteId };
        await using (var scope = host.Scope("500103"))
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(message);
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }

        Assert.True(
            await host.WaitUntilAsync(async () => await host.AppliedCountAsync(noteId) == 1),
            "the consumer of NoteAdded never received it");
    }

    [Fact]
    public async Task AMessageThatCannotBePublishedStaysWithItsErrorAndIsRetriedLater()
    {
        var id = Guid.NewGuid();
        await using (var scope = host.Scope(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Id = id,
                MessageType = "Platform.Contracts.Events.NoSuchEvent, Platform.Contracts",
                Body = "{}",
                TenantId = "500103",
                CreatedAt = DateTimeOffset.UtcNow,
                NextAttemptAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        OutboxMessage? row = null;
        Assert.True(await host.WaitUntilAsync(async () =>
        {
            await using var scope = host.Scope(null);
            row = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
            return row.Attempts >= 1;
        }), "the relay never tried the message");

        Assert.Null(row!.SentAt);
        Assert.Contains("NoSuchEvent", row.LastError);
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow, "a failed message waits before its next attempt");
    }
}

public sealed class OutboxCleanupTests(ShortRetentionMessagingHost host) : IClassFixture<ShortRetentionMessagingHost>
{
    [Fact]
    public async Task SentMessagesAndInboxRowsAreRemovedAfterTheRetention()
    {
        var noteId = Guid.NewGuid();
        await using (var scope = host.Scope("500103"))
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new NoteAdded { TenantId = "500103", NoteId = noteId });
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }

        Assert.True(await host.WaitUntilAsync(async () => await host.AppliedCountAsync(noteId) == 1));
        Assert.True(await host.WaitUntilAsync(async () =>
        {
            await using var scope = host.Scope(null);
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            return !await db.Set<OutboxMessage>().AnyAsync() && !await db.Set<InboxMessage>().AnyAsync();
        }), "sent outbox rows and old inbox rows were not cleaned up");

        // The effect itself stays: clean-up only forgets delivery bookkeeping.
        Assert.Equal(1, await host.AppliedCountAsync(noteId));
    }
}
