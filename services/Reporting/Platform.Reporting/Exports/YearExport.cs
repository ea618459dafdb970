using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Exports;

/// <summary>
/// The year's summary (年度总结) to the district government as .docx: completion by category, the unfinished tasks
/// with their reasons and the assessment's ranking, from the accepted completion reports and the applied results.
/// </summary>
public static class YearExport
{
    public static IEndpointRouteBuilder MapYearExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/year", async (
            int? year,
            ReportingDbContext db,
            ITenantContext caller,
            DistrictCalendar calendar,
            CancellationToken cancellationToken) =>
        {
            var (tenant, checkedYear, problem) = YearExportAccess.Check(caller, year);
            if (problem is not null)
            {
                return problem;
            }

            var data = await DataAsync(db, tenant!, checkedYear, calendar.Today, cancellationToken);
            return Results.File(
                YearDocument.Write(data),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"year-{tenant}-{checkedYear}.docx");
        });
        return app;
    }

    public static async Task<YearData> DataAsync(
        ReportingDbContext db,
        string tenant,
        int year,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.TenantId == tenant && t.Year == year && t.Active)
            .OrderBy(t => t.Order)
            .ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var completions = (await db.CompletionReports.AsNoTracking()
            .Where(c => c.TenantId == tenant && c.Year == year)
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.TaskId);
        var problems = (await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId) && r.Problems != string.Empty)
            .Select(r => new { r.TaskId, r.Period, r.Problems })
            .ToListAsync(cancellationToken))
            .GroupBy(r => r.TaskId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Period)!.Problems);
        var outcomes = tasks.Select(t => (Task: t, Outcome: YearClosing.Outcome(
            t,
            completions[t.Id]
                .Where(c => c.Status == ReportStatus.Accepted)
                .ToDictionary(c => c.LeadUnitId, c => c.Outcome))))
            .ToList();

        var categories = outcomes
            .GroupBy(o => o.Task.Category ?? Wording.Uncategorized)
            .Select(g => new YearCategory(
                g.Key,
                g.Count(o => o.Outcome is null),
                g.Count(o => o.Outcome == Wording.MostlyCompleted),
                g.Count(o => o.Outcome == Wording.NotCompleted),
                g.Count(o => o.Outcome == Wording.NotReported)))
            .ToList();
        var lagging = outcomes.Where(o => o.Outcome is not null).Select(o => new YearLagging(
            o.Task.Number,
            o.Task.Category ?? string.Empty,
            string.Join("、", o.Task.LeadUnitNames),
            o.Outcome!,
            Reason(completions[o.Task.Id].FirstOrDefault()?.Summary, problems.GetValueOrDefault(o.Task.Id)))).ToList();

        var assessment = await db.YearAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TenantId == tenant && a.Year == year, cancellationToken);
        var ranking = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.Year == year)
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.UnitName)
            .ToListAsync(cancellationToken);
        var name = await db.DistrictNameAsync(tenant, cancellationToken);
        return new YearData(
            name,
            year,
            today,
            categories,
            lagging,
            ranking.Select(r => r.ToAssessment()).ToList(),
            assessment?.RuleVersion,
            assessment?.Final == true);
    }

    /// <summary>The lead unit's own summary of the year, else the problems of its last monthly report.</summary>
    private static string Reason(string? summary, string? problems) =>
        !string.IsNullOrWhiteSpace(summary) ? summary
        : !string.IsNullOrWhiteSpace(problems) ? problems
        : Wording.NoReasonGiven;
}
