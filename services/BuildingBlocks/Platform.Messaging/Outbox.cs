using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// A message is stored under its own type, whatever type it was enqueued as (a domain change hands its event over
/// as an <see cref="object"/>). Rows are stamped in real time, never by a service's adjustable demo clock: the
/// relay's schedule is about the broker, not about the business calendar, and a demo clock set back must not hold
/// events for minutes.
/// </summary>
public sealed class Outbox<TDbContext>(TDbContext db) : IOutbox
    where TDbContext : DbContext
{
    public void Enqueue<TMessage>(TMessage message)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        string? tenantId = null;
        if (message is ITenantScoped scoped)
        {
            if (string.IsNullOrWhiteSpace(scoped.TenantId))
            {
                throw new MissingTenantException(type);
            }

            tenantId = scoped.TenantId;
        }

        var now = TimeProvider.System.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = NewId(),
            MessageType = TypeName(type),
            Body = JsonSerializer.Serialize(message, type, MessageJson.Options),
            TenantId = tenantId,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static Guid NewId() => Guid.CreateVersion7();
}
