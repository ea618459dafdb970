using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Consumers;

/// <summary>
/// Two units merged (<see cref="UnitChangeKind.Merged"/>): what the merged unit owed is owed by the unit that took it
/// over, so the ladder chases the unit that does the work, and a report the merged unit handed in is never chased.
/// Where both units led a task, the month keeps one row with the state further along and the higher report version —
/// the rule reporting applies to the reports themselves, so the next event of the report that stands is never taken for
/// an old one. The people move with their own <see cref="AccountChanged"/>.
/// </summary>
public sealed class UnitMergedConsumer(NotificationsDbContext db, ILogger<UnitMergedConsumer> logger)
    : InboxConsumer<UnitChanged, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        UnitChanged message,
        ConsumeContext<UnitChanged> context,
        CancellationToken cancellationToken)
    {
        if (message is not { Change: UnitChangeKind.Merged, MergedIntoId: { } into })
        {
            return;
        }

        await ReportStates.LockDistrictAsync(Db, message.TenantId, cancellationToken);
        if (!await Db.RecordMergeAsync(message, cancellationToken))
        {
            return;
        }

        var from = message.UnitId;
        var intoName = await Db.UnitNameAsync(into, message.MergedIntoName ?? string.Empty, cancellationToken);
        var owed = await Db.OwedReports
            .Where(o => o.TenantId == message.TenantId && (o.LeadUnitId == from || o.LeadUnitId == into))
            .ToListAsync(cancellationToken);
        var held = owed.Where(o => o.LeadUnitId == into).ToLookup(o => (o.TaskId, o.Period));
        foreach (var row in owed.Where(o => o.LeadUnitId == from))
        {
            var others = held[(row.TaskId, row.Period)].ToList();
            if (others.Count == 0)
            {
                row.LeadUnitId = into;
                row.LeadUnitName = intoName.Length > 0 ? intoName : row.LeadUnitName;
                continue;
            }

            foreach (var other in others)
            {
                other.State = Further(row.State, other.State);
                other.ReportVersion = Math.Max(row.ReportVersion, other.ReportVersion);
            }

            Db.OwedReports.Remove(row);
        }

        var states = await Db.ReportStates
            .Where(r => r.TenantId == message.TenantId && (r.LeadUnitId == from || r.LeadUnitId == into))
            .ToListAsync(cancellationToken);
        var kept = states.Where(r => r.LeadUnitId == into).ToDictionary(r => (r.TaskId, r.Period));
        foreach (var state in states.Where(r => r.LeadUnitId == from))
        {
            Db.ReportStates.Remove(state);
            if (kept.TryGetValue((state.TaskId, state.Period), out var other))
            {
                other.State = Further(state.State, other.State);
                other.Version = Math.Max(state.Version, other.Version);
            }
            else
            {
                Db.ReportStates.Add(new ReportState
                {
                    TenantId = state.TenantId,
                    TaskId = state.TaskId,
                    Period = state.Period,
                    LeadUnitId = into,
                    Version = state.Version,
                    State = state.State,
                });
            }
        }
    }

    /// <summary>The state further along; a closed task stays closed.</summary>
    private static ItemState Further(ItemState a, ItemState b) =>
        a == ItemState.Closed || b == ItemState.Closed ? ItemState.Closed : (ItemState)Math.Max((int)a, (int)b);
}
