using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Consumers;

/// <summary>
/// Keeps task lists in step with the unit directory: a renamed unit shows its new name everywhere, a name or alias
/// added in the directory resolves the drafts that print it, and a merged unit's places in every list (the printed
/// name kept) become the unit that took it over. Names follow the directory's version, so events in any order end in
/// its state.
/// </summary>
public sealed class UnitChangedConsumer(TasksDbContext db, ILogger<UnitChangedConsumer> logger)
    : InboxConsumer<UnitChanged, TasksDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        UnitChanged message,
        ConsumeContext<UnitChanged> context,
        CancellationToken cancellationToken)
    {
        var known = await Db.KnownUnits.SingleOrDefaultAsync(u => u.UnitId == message.UnitId, cancellationToken);
        if (known is null)
        {
            known = new KnownUnit { UnitId = message.UnitId, TenantId = message.TenantId, Name = message.Name };
            Db.KnownUnits.Add(known);
        }
        else if (known.Version >= message.Version)
        {
            return; // the directory counts every change, a merge too: this one is already applied or superseded
        }

        known.Name = message.Name;
        known.Version = message.Version;
        if (message.MergedIntoId is { } into)
        {
            known.MergedIntoId = into;
            await MergeAsync(message, into, cancellationToken);
            return;
        }

        var assigned = await PlacesOf(message).ToListAsync(cancellationToken);
        foreach (var unit in assigned)
        {
            unit.UnitName = message.Name;
        }

        if (message.RetiredAt is not null)
        {
            return; // a retired unit takes no new assignment: no draft's printed name resolves to it
        }

        var names = message.Aliases.Append(message.Name).ToList();
        var draftIds = Db.TaskLists
            .Where(l => l.TenantId == message.TenantId && l.Status == TaskListStatus.Draft)
            .Select(l => l.Id);
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

    /// <summary>
    /// Every place of the merged unit, in drafts and published lists alike, names the unit that took it over (its
    /// newest known name). The printed name stays as the document has it; the list's next publication names each unit
    /// once.
    /// </summary>
    private async Task MergeAsync(UnitChanged message, Guid into, CancellationToken cancellationToken)
    {
        var target = await Db.KnownUnits.AsNoTracking().SingleOrDefaultAsync(u => u.UnitId == into, cancellationToken);
        var name = target?.Name ?? message.MergedIntoName ?? message.Name;
        await PlacesOf(message).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.UnitId, into).SetProperty(u => u.UnitName, name),
            cancellationToken);
        await Db.Signatures.Where(s => s.TenantId == message.TenantId && s.UnitId == message.UnitId)
            .Where(s => !Db.Signatures.Any(o => o.TaskItemId == s.TaskItemId && o.UnitId == into))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitId, into), cancellationToken);
    }

    /// <summary>Where the lists of the unit's district name the unit.</summary>
    private IQueryable<TaskUnit> PlacesOf(UnitChanged message) =>
        Db.TaskUnits.Where(u => u.TenantId == message.TenantId && u.UnitId == message.UnitId);
}
