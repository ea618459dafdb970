using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Domain;

/// <summary>
/// Recomputes the lights of tasks for periods and writes the projection; a changed light is published.
/// </summary>
public sealed class LightProjector(ReportingDbContext db, IOutbox outbox, TimeProvider clock, DistrictCalendar calendar)
{
    /// <summary>How often <see cref="RefreshAsync"/> computes one period again after another writer raced it.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Recomputes the given tasks for one period (changes are saved by the caller).</summary>
    public async Task ProjectAsync(
        IReadOnlyList<TrackedTask> tasks,
        ReportingPeriod period,
        CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = await db.Reports
            .Where(r => ids.Contains(r.TaskId) && r.Period == period.Key)
            .ToListAsync(cancellationToken);
        await ProjectAsync(tasks, period, reports, cancellationToken);
    }

    /// <summary>
    /// The same with the period's stored reports of these tasks already loaded by the caller (all of them, tracked);
    /// a report added since and not yet saved is found in the context.
    /// </summary>
    public async Task ProjectAsync(
        IReadOnlyList<TrackedTask> tasks,
        ReportingPeriod period,
        IReadOnlyList<ProgressReport> reports,
        CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var rows = await db.Lights
            .Where(l => ids.Contains(l.TaskId) && l.Period == period.Key)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = calendar.Today;
        await calendar.LoadAsync(tasks.Select(t => t.TenantId), cancellationToken);
        foreach (var task in tasks)
        {
            for (var i = 0; i < task.LeadUnitIds.Count; i++)
            {
                var lead = task.LeadUnitIds[i];
                var report = reports.SingleOrDefault(r => r.TaskId == task.Id && r.LeadUnitId == lead)
                    ?? db.Reports.Local.SingleOrDefault(r => r.TaskId == task.Id
                        && r.LeadUnitId == lead
                        && r.Period == period.Key);
                var result = LightRules.Compute(task, period, report, today, calendar.GraceDaysFor(task.TenantId));
                var row = rows.SingleOrDefault(r => r.TaskId == task.Id && r.LeadUnitId == lead);
                if (row is null)
                {
                    row = new TaskLight
                    {
                        TenantId = task.TenantId, TaskId = task.Id, Period = period.Key, LeadUnitId = lead,
                        LeadUnitName = i < task.LeadUnitNames.Count ? task.LeadUnitNames[i] : string.Empty,
                        TaskNumber = task.Number, TaskOrder = task.Order, Category = task.Category,
                    };
                    db.Lights.Add(row);
                }
                else if (row.Light != result.Light)
                {
                    outbox.Enqueue(new TaskLightChanged
                    {
                        TenantId = task.TenantId, TaskId = task.Id, Period = period.Key, LeadUnitId = lead,
                        Previous = row.Light.ToString(),
                        Light = result.Light.ToString(),
                        Reasons = result.Reasons,
                        OccurredAt = now,
                    });
                }

                var closed = LightRules.IsClosedBy(task, period);
                row.Indicators = task.Indicators;
                row.DueOn = period.DueOn;
                row.ReportedOnTime = report?.FirstSubmittedAt is { } first ? ChinaTime.DateOf(first) <= period.DueOn
                    : today > period.DueOn && !closed ? false : null;
                row.Light = result.Light;
                row.ReportStatus = report?.Status;
                row.SelfStatus = report?.SelfStatus ?? SelfStatus.Unspecified;
                row.Disagreement = result.Disagreement;
                row.Overdue = !closed
                    && report is not { Status: ReportStatus.Submitted or ReportStatus.Accepted }
                    && today > period.DueOn;
                row.Problems = string.IsNullOrWhiteSpace(report?.Problems) ? null : report!.Problems;
                row.Reasons = string.Join("；", result.Reasons);
                row.UpdatedAt = now;
            }
        }
    }

    /// <summary>
    /// The clock's part: recomputes every active task of the periods whose due date or grace has just passed.
    /// </summary>
    public Task<int> RefreshRecentPeriodsAsync(CancellationToken cancellationToken) => RefreshAsync(
        calendar.Today.AddDays(-(ReportingSettings.MaxGraceDays + 35)), calendar.Today.AddDays(1), cancellationToken);

    /// <summary>Every light of the last year and the next, after the grace or the clock changed.</summary>
    public Task<int> RefreshAllAsync(CancellationToken cancellationToken) =>
        RefreshAsync(calendar.Today.AddDays(-400), calendar.Today.AddDays(400), cancellationToken);

    /// <summary>
    /// Recomputes every active task of the periods due between the two days, saving each period on its own. A report's
    /// projection or a republished list may write one of the period's lights between this pass's read and its save
    /// (a row added twice, or one deleted under it): the period is then read and computed again, so a clock's pass or
    /// a grace change is not lost to a write that raced it. The caller's own changes must be saved first.
    /// </summary>
    public async Task<int> RefreshAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("save the pending changes before recomputing lights");
        }

        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.DueOn >= from && p.DueOn <= to)
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var period in periods)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var tasks = await db.Tasks
                        .Where(t => t.TaskListId == period.TaskListId && t.Active)
                        .ToListAsync(cancellationToken);
                    await ProjectAsync(tasks, period, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    count += tasks.Count;
                    break;
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts
                    && (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation()))
                {
                    // Forget this attempt's rows and events; the next one reads what the other writer stored.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return count;
    }
}
