using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>
/// After an event that may move a task's public status: the status is recorded again from the database, and a change
/// goes into the district's public feed. Only districts that have a public page are tracked.
/// </summary>
public abstract class PublicStatusConsumer<TEvent>(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger logger)
    : InboxConsumer<TEvent, ReportingDbContext>(db, logger)
    where TEvent : TaskUnitEvent
{
    protected override async Task HandleAsync(
        TEvent message,
        ConsumeContext<TEvent> context,
        CancellationToken cancellationToken)
    {
        if (await Db.PublicPages.AnyAsync(p => p.TenantId == message.TenantId, cancellationToken))
        {
            await tracker.StageAsync(message.TenantId, [message.TaskId], clock.GetUtcNow(), cancellationToken);
        }
    }
}
