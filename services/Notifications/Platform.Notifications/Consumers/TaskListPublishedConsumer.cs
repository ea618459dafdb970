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
/// assignment (交办) per reporter of each lead unit listing its tasks. A new version keeps the state of what was owed.
/// </summary>
public sealed class TaskListPublishedConsumer(NotificationsDbContext db, NotificationWriter writer, TimeProvider clock, ILogger<TaskListPublishedConsumer> logger)
    : InboxConsumer<TaskListPublished, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(TaskListPublished message, ConsumeContext<TaskListPublished> context, CancellationToken cancellationToken)
    {
        var year = message.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var retired = Db.OwedReports.Where(o => o.TenantId == message.TenantId && o.Active && o.TaskListId != message.TaskListId && o.Period.StartsWith(year));
        var previous = (await retired.Select(o => new { o.TaskNumber, o.Period, o.LeadUnitId, o.State }).ToListAsync(cancellationToken))
            .GroupBy(o => (o.TaskNumber, o.Period, o.LeadUnitId)).ToDictionary(g => g.Key, g => g.First().State);
        await retired.ExecuteUpdateAsync(s => s.SetProperty(o => o.Active, false), cancellationToken);

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
                    Db.OwedReports.Add(new OwedReport
                    {
                        TenantId = message.TenantId, TaskListId = message.TaskListId, TaskId = task.TaskId, TaskNumber = task.Number, TaskOrder = order,
                        TaskText = task.Text.Length > 120 ? task.Text[..120] + "…" : task.Text, LeadUnitId = lead.UnitId, LeadUnitName = lead.Name,
                        Period = period, DueOn = new DateOnly(message.Year, month, DateTime.DaysInMonth(message.Year, month)),
                        State = previous.GetValueOrDefault((task.Number, period, lead.UnitId), ItemState.Open),
                    });
                }
            }
        }

        var settings = await writer.SettingsAsync(message.TenantId, cancellationToken);
        if (!settings.AssignmentEnabled)
        {
            return;
        }

        var notifications = new List<Notification>();
        var label = message.DocNumber ?? message.Title ?? $"{message.Year}年任务清单";
        foreach (var unit in message.Tasks.SelectMany(t => t.LeadUnits.Select(u => (Unit: u, Task: t))).GroupBy(x => x.Unit.UnitId))
        {
            var tasks = unit.Select(x => (x.Task.Number, x.Task.Text)).ToList();
            foreach (var reporter in await writer.ReportersAsync(message.TenantId, unit.Key, cancellationToken))
            {
                notifications.Add(Assignments.For(reporter, message.TaskListId, unit.Key, unit.First().Unit.Name, label, tasks));
            }
        }

        await writer.AddAsync(notifications, cancellationToken);
    }
}
