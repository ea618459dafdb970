using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Reporting.Domain;
using Platform.Reporting.Grpc;

namespace Platform.Reporting.Data;

/// <summary>
/// The one path by which a change of reports, contributions, requests and evidence is saved. Every
/// <see cref="DomainChange"/> the tracked entities raised becomes its audit row and its outbox event, the lights of the
/// task-months it moved are computed again, and one SaveChanges writes all of it with the change: one transaction, so
/// none of them is ever kept without the others.
/// </summary>
public sealed class ReportingUnitOfWork(ReportingDbContext db, IOutbox outbox, LightProjector lights)
{
    private readonly Dictionary<(Guid Task, string Period), TaskMonth> loaded = [];

    /// <summary>
    /// A task-month the caller has already read, with all its reports tracked: its lights are then computed without
    /// reading them again.
    /// </summary>
    public void Loaded(TaskMonth month) => loaded[(month.Task.Id, month.Period.Key)] = month;

    /// <summary>
    /// Saves; a concurrent change of the same row is FailedPrecondition with <paramref name="conflict"/>.
    /// </summary>
    public async Task SaveAsync(string conflict, CancellationToken cancellationToken)
    {
        var changes = db.ChangeTracker.Entries<ChangeSource>().SelectMany(e => e.Entity.TakeChanges()).ToList();
        foreach (var change in changes)
        {
            db.Audit.Add(change.ToAudit());
            if (change.Event is { } published)
            {
                outbox.Enqueue(published);
            }
        }

        foreach (var (taskId, period) in changes.Where(c => c.MovesLights).Select(c => (c.TaskId, c.Period)).Distinct())
        {
            await ProjectAsync(taskId, period, cancellationToken);
        }

        await db.SaveOrConflictAsync(conflict, cancellationToken);
    }

    /// <summary>One month of the task, or every month when the change was about the whole task (no period).</summary>
    private async Task ProjectAsync(Guid taskId, string period, CancellationToken cancellationToken)
    {
        if (loaded.TryGetValue((taskId, period), out var month))
        {
            await lights.ProjectAsync([month.Task], month.Period, month.Reports, cancellationToken);
            return;
        }

        var task = await db.Tasks.SingleAsync(t => t.Id == taskId, cancellationToken);
        var months = db.Periods.Where(p => p.TaskListId == task.TaskListId);
        if (PeriodKey.TryParse(period, out var year, out var number))
        {
            months = months.Where(p => p.Year == year && p.Month == number);
        }

        var periods = await months.ToListAsync(cancellationToken);
        foreach (var each in periods)
        {
            await lights.ProjectAsync([task], each, cancellationToken);
        }
    }
}
