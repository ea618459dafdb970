using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Consumers;

/// <summary>
/// A published list becomes this service's projection: its tasks with their lead units and typed targets, and its
/// monthly periods. A new version of the same year's list retires the tasks of the version before; what was reported
/// on a retired task — reports, contributions, evidence, requests, the audit trail, an extension or closure — moves to
/// the new version's task of the same number, so a corrected list loses no month of work. A unit merged before the list
/// arrived is replaced by the unit that took it over. A list applied before (a
/// replay) or older than the version in force (arriving late) changes nothing.
/// </summary>
public sealed class TaskListPublishedConsumer(
    ReportingDbContext db,
    LightProjector lights,
    ILogger<TaskListPublishedConsumer> logger)
    : InboxConsumer<TaskListPublished, ReportingDbContext>(db, logger)
{
    // Each table a republished task carries (reports, contributions, evidence, requests, audit) keys it by TaskId.
    private const string TaskIdColumn = nameof(ProgressReport.TaskId);

    protected override async Task HandleAsync(
        TaskListPublished message,
        ConsumeContext<TaskListPublished> context,
        CancellationToken cancellationToken)
    {
        var ofYear = Db.Tasks.Where(t => t.TenantId == message.TenantId && t.Year == message.Year);
        if (await ofYear.AnyAsync(
            t => t.TaskListId == message.TaskListId || (t.Active && t.ListVersion > message.Version),
            cancellationToken))
        {
            return;
        }

        var retired = ofYear.Where(t => t.Active && t.TaskListId != message.TaskListId);
        var previous = (await retired.Select(t => new { t.Id, t.Number, t.ExtendedDeadline, t.ClosedOn })
            .ToListAsync(cancellationToken))
            .GroupBy(t => t.Number).ToDictionary(g => g.Key, g => g.First());
        await Db.Lights.Where(l => retired.Select(t => t.Id).Contains(l.TaskId)).ExecuteDeleteAsync(cancellationToken);
        await retired.ExecuteUpdateAsync(s => s.SetProperty(t => t.Active, false), cancellationToken);
        await Db.ComparableTargets
            .Where(c => c.TenantId == message.TenantId && c.Year == message.Year)
            .ExecuteDeleteAsync(cancellationToken);

        var order = 0;
        var tracked = new List<TrackedTask>();
        message = await Db.WithKnownNamesAsync(
            (await Db.UnitMergesAsync(message.TenantId, cancellationToken)).Apply(message),
            cancellationToken);
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

        foreach (var task in tracked)
        {
            if (previous.TryGetValue(task.Number, out var old))
            {
                task.ExtendedDeadline = old.ExtendedDeadline;
                task.ClosedOn = old.ClosedOn;
                await CarryAsync(old.Id, task.Id, cancellationToken);
            }
        }

        Db.Tasks.AddRange(tracked);
        Db.ComparableTargets.AddRange(ComparableTarget.ForList(tracked));
        var periods = ReportingPeriod.For(message.TenantId, message.TaskListId, message.Year, message.IssuedOn)
            .ToList();
        Db.Periods.AddRange(periods);
        foreach (var period in periods)
        {
            await lights.ProjectAsync(tracked, period, cancellationToken);
        }
    }

    private async Task CarryAsync(Guid from, Guid to, CancellationToken cancellationToken)
    {
        await MoveAsync(Db.Reports, from, to, cancellationToken);
        await MoveAsync(Db.Contributions, from, to, cancellationToken);
        await MoveAsync(Db.Evidence, from, to, cancellationToken);
        await MoveAsync(Db.Requests, from, to, cancellationToken);
        await MoveAsync(Db.Audit, from, to, cancellationToken);
    }

    /// <summary>Moves the rows of one table from one task to another, in one statement.</summary>
    private static Task<int> MoveAsync<T>(IQueryable<T> rows, Guid from, Guid to, CancellationToken cancellationToken)
        where T : class =>
        rows.Where(r => EF.Property<Guid>(r, TaskIdColumn) == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<Guid>(r, TaskIdColumn), to), cancellationToken);
}
