using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// A published list: the reports each lead unit owes, month by month (what the supervision ladder watches), and one
/// assignment (交办) per reporter of each lead unit listing its tasks. A new version keeps the state of what was
/// owed. Applying a list again (a replay, a redelivery under a new id) adds nothing, and a version older than the one
/// this service holds for the year (arriving late) changes nothing; report events that came before their list are
/// applied from the report states.
/// </summary>
public sealed class TaskListPublishedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<TaskListPublishedConsumer> logger)
    : InboxConsumer<TaskListPublished, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        TaskListPublished message,
        ConsumeContext<TaskListPublished> context,
        CancellationToken cancellationToken)
    {
        await ReportStates.LockDistrictAsync(Db, message.TenantId, cancellationToken);
        message = await Db.WithKnownNamesAsync(
            (await Db.UnitMergesAsync(message.TenantId, cancellationToken)).Apply(message),
            cancellationToken);
        var year = message.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ofYear = Db.OwedReports.Where(o => o.TenantId == message.TenantId && o.Period.StartsWith(year));
        if (await ofYear.AnyAsync(o => o.Active && o.ListVersion > message.Version, cancellationToken))
        {
            return; // a newer version is already in force: this one arrived late
        }

        if (await ofYear.AnyAsync(o => o.TaskListId == message.TaskListId, cancellationToken))
        {
            await AssignAsync(message, cancellationToken); // applied before: only what a new reporter has not been told
            return;
        }

        var retired = ofYear.Where(o => o.Active && o.TaskListId != message.TaskListId);
        var previous = (await retired
                .Select(o => new { o.TaskNumber, o.Period, o.LeadUnitId, o.State, o.ReportVersion })
                .ToListAsync(cancellationToken))
            .GroupBy(o => (o.TaskNumber, o.Period, o.LeadUnitId))
            .ToDictionary(g => g.Key, g => (g.First().State, g.First().ReportVersion));
        await retired.ExecuteUpdateAsync(s => s.SetProperty(o => o.Active, false), cancellationToken);
        var taskIds = message.Tasks.Select(t => t.TaskId).ToList();
        var reported = (await Db.ReportStates.Where(r => taskIds.Contains(r.TaskId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TaskId, r.Period, r.LeadUnitId));

        var first = message.IssuedOn is { } issued && issued.Year == message.Year ? issued.Month : 1;
        var order = 0;
        foreach (var task in message.Tasks)
        {
            order++;
            foreach (var lead in task.LeadUnits)
            {
                for (var month = first; month <= 12; month++)
                {
                    var period = $"{message.Year:D4}-{month:D2}";
                    var (state, version) =
                        previous.GetValueOrDefault((task.Number, period, lead.UnitId), (ItemState.Open, 0));
                    if (reported.TryGetValue((task.TaskId, period, lead.UnitId), out var known)
                        && known.Version > version)
                    {
                        (state, version) = (state == ItemState.Closed ? state : known.State, known.Version);
                    }

                    Db.OwedReports.Add(new OwedReport
                    {
                        TenantId = message.TenantId,
                        TaskListId = message.TaskListId,
                        TaskId = task.TaskId,
                        TaskNumber = task.Number,
                        TaskOrder = order,
                        TaskText = task.Text.Length > 120 ? task.Text[..120] + "…" : task.Text,
                        LeadUnitId = lead.UnitId,
                        LeadUnitName = lead.Name,
                        Period = period,
                        DueOn = new DateOnly(message.Year, month, DateTime.DaysInMonth(message.Year, month)),
                        State = state, ReportVersion = version, ListVersion = message.Version,
                    });
                }
            }
        }

        await AssignAsync(message, cancellationToken);
    }

    /// <summary>
    /// One 交办 per reporter of each lead unit; the cause key makes a second application add nothing.
    /// </summary>
    private async Task AssignAsync(TaskListPublished message, CancellationToken cancellationToken)
    {
        var settings = await writer.SettingsAsync(message.TenantId, cancellationToken);
        if (!settings.AssignmentEnabled)
        {
            return;
        }

        var notifications = new List<Notification>();
        var label = message.DocNumber ?? message.Title ?? $"{message.Year}年任务清单";
        var byLeadUnit = message.Tasks
            .SelectMany(t => t.LeadUnits.Select(u => (Unit: u, Task: t)))
            .GroupBy(x => x.Unit.UnitId);
        foreach (var unit in byLeadUnit)
        {
            var tasks = unit.Select(x => (x.Task.Number, x.Task.Text)).ToList();
            foreach (var reporter in await writer.ReportersAsync(message.TenantId, unit.Key, cancellationToken))
            {
                notifications.Add(Assignments.For(
                    reporter,
                    message.TaskListId,
                    unit.Key,
                    unit.First().Unit.Name,
                    label,
                    tasks));
            }
        }

        await writer.AddAsync(notifications, cancellationToken);
    }
}
