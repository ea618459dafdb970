using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Consumers;

/// <summary>
/// Keeps task lists in step with the unit directory: a renamed unit shows its new name everywhere, and a name or
/// alias added in the directory resolves the drafts that print it.
/// </summary>
public sealed class UnitChangedConsumer(TasksDbContext db, ILogger<UnitChangedConsumer> logger)
    : InboxConsumer<UnitChanged, TasksDbContext>(db, logger)
{
    protected override async Task HandleAsync(UnitChanged message, ConsumeContext<UnitChanged> context, CancellationToken cancellationToken)
    {
        var assigned = await Db.TaskUnits.Where(u => u.TenantId == message.TenantId && u.UnitId == message.UnitId).ToListAsync(cancellationToken);
        foreach (var unit in assigned)
        {
            unit.UnitName = message.Name;
        }

        var names = message.Aliases.Append(message.Name).ToList();
        var draftIds = Db.TaskLists.Where(l => l.TenantId == message.TenantId && l.Status == TaskListStatus.Draft).Select(l => l.Id);
        var unresolved = await Db.TaskUnits
            .Where(u => u.TenantId == message.TenantId && u.UnitId == null && names.Contains(u.PrintedName))
            .Where(u => Db.Tasks.Any(t => t.Id == u.TaskItemId && draftIds.Contains(t.TaskListId)))
            .ToListAsync(cancellationToken);
        foreach (var unit in unresolved)
        {
            unit.UnitId = message.UnitId;
            unit.UnitName = message.Name;
        }
    }
}
