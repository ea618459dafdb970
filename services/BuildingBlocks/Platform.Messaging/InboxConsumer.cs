using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Base of every consumer whose effect must happen once: the inbox row and the effect commit in one transaction, so a
/// redelivered message (same MessageId) is recognised and skipped.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException(
                $"{typeof(TMessage).Name} has no MessageId; the inbox cannot deduplicate it.");
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        if (seen)
        {
            logger.LogInformation(
                "Message {MessageId} was already applied by {Consumer}; skipped", messageId, consumer);
            return;
        }

        db.Set<InboxMessage>().Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = consumer,
            TenantId = (context.Message as ITenantScoped)?.TenantId,
            // Real time: retention is measured against it, whatever a demo stack's clock says.
            ProcessedAt = TimeProvider.System.GetUtcNow(),
        });
        await HandleAsync(context.Message, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message's effect to <see cref="Db"/>; saving and committing is done by the base.</summary>
    protected abstract Task HandleAsync(
        TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
