using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// Reads a district's year for the assessment: per lead unit of the year's tasks (the list's current version), the
/// months it owed (none after a verified closure), the first submission of each, the returns the audit trail
/// recorded, the accepted completion reports, the typed targets' final values, its 督办单 and its extensions.
/// </summary>
public static class YearFacts
{
    public static async Task<AssessmentFacts> LoadAsync(
        ReportingDbContext db,
        string tenant,
        int year,
        DateOnly today,
        int graceDays,
        CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.TenantId == tenant && t.Year == year && t.Active)
            .OrderBy(t => t.Order)
            .ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var lists = tasks.Select(t => t.TaskListId).Distinct().ToList();
        var periods = (await db.Periods.AsNoTracking()
            .Where(p => lists.Contains(p.TaskListId) && p.Year == year)
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.TaskListId);
        var reports = (await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId))
            .Select(r => new Month(
                r.TaskId, r.Period, r.LeadUnitId, r.Status, r.FirstSubmittedAt, r.ReturnComment != null, r.Actuals))
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TaskId, r.Period, r.UnitId));
        var returns = (await db.Audit.AsNoTracking()
            .Where(a => ids.Contains(a.TaskId) && a.Action == "returned")
            .GroupBy(a => new { a.TaskId, a.Period })
            .Select(g => new { g.Key.TaskId, g.Key.Period, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TaskId, r.Period), r => r.Count);
        var completions = (await db.CompletionReports.AsNoTracking()
            .Where(c => c.TenantId == tenant && c.Year == year && c.Status == ReportStatus.Accepted)
            .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.TaskId, c.LeadUnitId));
        var extensions = await db.Requests.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId) && r.Kind == TaskRequestKind.Extension)
            .Select(r => new { r.TaskId, r.LeadUnitId, r.RequestedAt })
            .ToListAsync(cancellationToken);
        var prefix = $"{year:D4}-";
        var notices = await db.ReceivedNotices.AsNoTracking()
            .Where(n => n.TenantId == tenant && n.Period.StartsWith(prefix))
            .ToListAsync(cancellationToken);

        var units = tasks
            .SelectMany(t => t.LeadUnitIds.Select((id, i) => (Id: id, Name: i < t.LeadUnitNames.Count
                ? t.LeadUnitNames[i]
                : id.ToString())))
            .DistinctBy(u => u.Id)
            .ToList();
        var facts = units.Select(unit =>
        {
            var led = tasks.Where(t => t.LeadUnitIds.Contains(unit.Id)).ToList();
            var months = led
                .SelectMany(t => periods[t.TaskListId]
                    .Where(p => !LightRules.IsClosedBy(t, p))
                    .Select(p => (Task: t, Period: p, Report: reports.GetValueOrDefault((t.Id, p.Key, unit.Id)))))
                .ToList();
            return new UnitFacts(unit.Id, unit.Name)
            {
                Months = months.Select(m => new MonthFact(
                    m.Task.Number,
                    m.Period.Key,
                    m.Period.DueOn,
                    m.Report?.FirstSubmittedAt is { } first ? ChinaTime.DateOf(first) : null)).ToList(),
                Returns = months
                    .Where(m => m.Report is { WasReturned: true })
                    .Select(m => new ReturnFact(m.Task.Number, m.Period.Key, ReturnCount(m.Task, m.Period, returns)))
                    .ToList(),
                Tasks = led.Select(t => new TaskFact(
                    t.Number,
                    completions.GetValueOrDefault((t.Id, unit.Id))?.Outcome ?? CompletionOutcome.None,
                    t.ClosedOn is not null)).ToList(),
                Targets = led.SelectMany(t => Targets(t, unit.Id, completions, reports)).ToList(),
                Notices = notices.Where(n => n.UnitId == unit.Id).Select(n => new NoticeFact(n.NoticeId, n.Period))
                    .ToList(),
                Extensions = extensions
                    .Where(e => e.LeadUnitId == unit.Id)
                    .Select(e => new ExtensionFact(
                        tasks.First(t => t.Id == e.TaskId).Number,
                        ChinaTime.DateOf(e.RequestedAt)))
                    .ToList(),
            };
        }).ToList();
        return new AssessmentFacts(year, today, graceDays, facts);
    }

    /// <summary>
    /// The returns of a month: the audit trail counts them per task and month; of a task with several lead units it
    /// cannot tell whose report was returned, so each of their returned reports counts once.
    /// </summary>
    private static int ReturnCount(
        TrackedTask task,
        ReportingPeriod period,
        IReadOnlyDictionary<(Guid, string), int> returns) =>
        task.LeadUnitIds.Count == 1 ? Math.Max(1, returns.GetValueOrDefault((task.Id, period.Key))) : 1;

    /// <summary>
    /// Each typed target with a goal: its final value from the accepted completion report, else the last monthly
    /// actual the unit reported.
    /// </summary>
    private static IEnumerable<TargetFact> Targets(
        TrackedTask task,
        Guid unit,
        IReadOnlyDictionary<(Guid, Guid), CompletionReport> completions,
        IReadOnlyDictionary<(Guid, string, Guid), Month> reports)
    {
        var completion = completions.GetValueOrDefault((task.Id, unit));
        var reported = reports.Values
            .Where(r => r.TaskId == task.Id && r.UnitId == unit
                && r.Status is ReportStatus.Submitted or ReportStatus.Accepted)
            .OrderByDescending(r => r.Period, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < task.Targets.Count; i++)
        {
            if (task.Targets[i] is not { Value: { } goal } target)
            {
                continue;
            }

            var k = i;
            var final = completion is not null && k < completion.FinalValues.Count ? completion.FinalValues[k] : null;
            final ??= reported.Select(r => k < r.Actuals.Count ? r.Actuals[k] : null).FirstOrDefault(a => a is not null);
            yield return new TargetFact(task.Number, target.Text, goal, target.Direction, final);
        }
    }

    private sealed record Month(
        Guid TaskId,
        string Period,
        Guid UnitId,
        ReportStatus Status,
        DateTimeOffset? FirstSubmittedAt,
        bool WasReturned,
        List<decimal?> Actuals);
}
