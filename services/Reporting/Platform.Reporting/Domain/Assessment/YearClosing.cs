using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Reporting.Data;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// What closing a year announces: how many tasks it had, how many were completed, and each unfinished task with its
/// outcome (基本完成, 未完成, or 未报 when no completion report was accepted) for next year's carry-over (结转).
/// </summary>
public static class YearClosing
{
    public static async Task<YearClosed> EventAsync(
        ReportingDbContext db,
        string tenant,
        int year,
        string by,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.TenantId == tenant && t.Year == year && t.Active)
            .OrderBy(t => t.Order)
            .ToListAsync(cancellationToken);
        var accepted = (await db.CompletionReports.AsNoTracking()
            .Where(c => c.TenantId == tenant && c.Year == year && c.Status == ReportStatus.Accepted)
            .Select(c => new { c.TaskId, c.LeadUnitId, c.Outcome })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.TaskId);
        var outcomes = tasks.Select(t => (Task: t, Outcome: Outcome(t, accepted[t.Id].ToDictionary(
            c => c.LeadUnitId,
            c => c.Outcome)))).ToList();
        return new YearClosed
        {
            TenantId = tenant, Year = year, ClosedBy = by, OccurredAt = now, TaskCount = tasks.Count,
            CompletedCount = outcomes.Count(o => o.Outcome is null),
            Unfinished = outcomes.Where(o => o.Outcome is not null).Select(o => new UnfinishedTask
            {
                TaskId = o.Task.Id, Number = o.Task.Number, Category = o.Task.Category, Text = o.Task.Text,
                Outcome = o.Outcome!,
                LeadUnits = Units(o.Task.LeadUnitIds, o.Task.LeadUnitNames),
                ResponsibleUnits = Units(o.Task.ResponsibleUnitIds, o.Task.ResponsibleUnitNames),
            }).ToList(),
        };
    }

    /// <summary>
    /// A task's outcome as the year closes, null when completed: the least finished of its lead units' accepted
    /// reports; a lead unit without one is 未报, unless the task's closure was verified (then it is 完成).
    /// </summary>
    public static string? Outcome(TrackedTask task, IReadOnlyDictionary<Guid, CompletionOutcome> accepted)
    {
        var each = task.LeadUnitIds.Select(u => accepted.TryGetValue(u, out var o)
            ? o
            : task.ClosedOn is not null ? CompletionOutcome.Completed : CompletionOutcome.None).ToList();
        if (each.Count == 0)
        {
            each.Add(task.ClosedOn is not null ? CompletionOutcome.Completed : CompletionOutcome.None);
        }

        return each.Contains(CompletionOutcome.None) ? Wording.NotReported
            : each.Contains(CompletionOutcome.NotCompleted) ? Wording.NotCompleted
            : each.Contains(CompletionOutcome.MostlyCompleted) ? Wording.MostlyCompleted
            : null;
    }

    private static List<AssignedUnit> Units(List<Guid> ids, List<string> names) =>
        ids.Select((id, i) => new AssignedUnit(id, i < names.Count ? names[i] : string.Empty)).ToList();
}
