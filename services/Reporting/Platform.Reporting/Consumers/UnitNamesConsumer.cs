using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;

namespace Platform.Reporting.Consumers;

/// <summary>
/// A unit renamed in the directory: this service's copies of its name — the tasks' lead and responsible units, the
/// lights (what dashboards, the ledger and the bulletin print) and the contributions — follow, by the directory's
/// version, so an older event arriving late changes nothing. Merges are <see cref="UnitMergedConsumer"/>'s.
/// </summary>
public sealed class UnitNamesConsumer(ReportingDbContext db, ILogger<UnitNamesConsumer> logger)
    : InboxConsumer<UnitChanged, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        UnitChanged message,
        ConsumeContext<UnitChanged> context,
        CancellationToken cancellationToken)
    {
        if (message.Change == UnitChangeKind.Merged || !await Db.NewerUnitNameAsync(message, cancellationToken))
        {
            return;
        }

        var (id, name, tenant) = (message.UnitId, message.Name, message.TenantId);
        foreach (var task in await Db.Tasks
            .Where(t => t.TenantId == tenant && (t.LeadUnitIds.Contains(id) || t.ResponsibleUnitIds.Contains(id)))
            .ToListAsync(cancellationToken))
        {
            task.LeadUnitNames = Renamed(task.LeadUnitIds, task.LeadUnitNames, id, name);
            task.ResponsibleUnitNames = Renamed(task.ResponsibleUnitIds, task.ResponsibleUnitNames, id, name);
        }

        await Db.Lights.Where(l => l.TenantId == tenant && l.LeadUnitId == id && l.LeadUnitName != name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeadUnitName, name), cancellationToken);
        await Db.Contributions.Where(c => c.TenantId == tenant && c.UnitId == id && c.UnitName != name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnitName, name), cancellationToken);
    }

    private static List<string> Renamed(List<Guid> ids, List<string> names, Guid id, string name) =>
        ids.Select((unit, i) => unit == id ? name : i < names.Count ? names[i] : string.Empty).ToList();
}
