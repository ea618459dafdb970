using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Consumers;

/// <summary>
/// A published list becomes this service's projection: its tasks with their lead units and typed targets, and its
/// monthly periods. A new version of the same year's list retires the tasks of the version before.
/// </summary>
public sealed class TaskListPublishedConsumer(ReportingDbContext db, LightProjector lights, TimeProvider clock, ILogger<TaskListPublishedConsumer> logger)
    : InboxConsumer<TaskListPublished, ReportingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(TaskListPublished message, ConsumeContext<TaskListPublished> context, CancellationToken cancellationToken)
    {
        var retired = Db.Tasks.Where(t => t.TenantId == message.TenantId && t.Year == message.Year && t.Active && t.TaskListId != message.TaskListId);
        await Db.Lights.Where(l => retired.Select(t => t.Id).Contains(l.TaskId)).ExecuteDeleteAsync(cancellationToken);
        await retired.ExecuteUpdateAsync(s => s.SetProperty(t => t.Active, false), cancellationToken);
        await Db.ComparableTargets.Where(c => c.TenantId == message.TenantId && c.Year == message.Year).ExecuteDeleteAsync(cancellationToken);

        var order = 0;
        var tracked = new List<TrackedTask>();
        foreach (var task in message.Tasks)
        {
            tracked.Add(new TrackedTask
            {
                Id = task.TaskId,
                TenantId = message.TenantId,
                TaskListId = message.TaskListId,
                Year = message.Year,
                ListVersion = message.Version,
                Number = task.Number,
                Order = order++,
                Category = task.Category,
                Text = task.Text,
                LeadUnitIds = task.LeadUnits.Select(u => u.UnitId).ToList(),
                LeadUnitNames = task.LeadUnits.Select(u => u.Name).ToList(),
                ResponsibleUnitIds = task.ResponsibleUnits.Select(u => u.UnitId).ToList(),
                ResponsibleUnitNames = task.ResponsibleUnits.Select(u => u.Name).ToList(),
                Deadline = task.Deadline,
                IssuedOn = message.IssuedOn,
                Indicators = task.Indicators.ToList(),
                Targets = task.Targets.Select(t => new TrackedTarget
                {
                    Text = t.Text, Value = t.Value, Unit = t.Unit, Baseline = t.Baseline, Direction = t.Direction,
                }).ToList(),
            });
        }

        Db.Tasks.AddRange(tracked);
        Db.ComparableTargets.AddRange(tracked.SelectMany(ComparableTarget.For));
        var periods = ReportingPeriod.For(message.TenantId, message.TaskListId, message.Year, message.IssuedOn).ToList();
        Db.Periods.AddRange(periods);
        foreach (var period in periods)
        {
            await lights.ProjectAsync(tracked, period, cancellationToken);
        }
    }
}
