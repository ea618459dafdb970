using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Public;

/// <summary>
/// Builds a district's public page from its own rows only (the caller's tenant context decides whose), field by field
/// as the page's ticks allow: a field that is not ticked is never read, so it cannot leak.
/// </summary>
public sealed class PublicPageQuery(ReportingDbContext db, DistrictCalendar calendar)
{
    public const int FeedSize = 50;

    /// <summary>
    /// The year the page shows: the latest one with tasks in force up to this year (China time), so that a list
    /// published ahead for a later year does not take the page from the year being worked; a district with only
    /// later lists shows the earliest of them.
    /// </summary>
    public async Task<int?> CurrentYearAsync(string tenant, CancellationToken cancellationToken)
    {
        var thisYear = calendar.Today.Year;
        var years = db.Tasks.Where(t => t.TenantId == tenant && t.Active).Select(t => (int?)t.Year);
        return await years.Where(y => y <= thisYear).MaxAsync(cancellationToken)
            ?? await years.MinAsync(cancellationToken);
    }

    /// <summary>The tasks in force of the page's year, in list order.</summary>
    public async Task<List<TrackedTask>> TasksAsync(string tenant, CancellationToken cancellationToken)
    {
        var year = await CurrentYearAsync(tenant, cancellationToken);
        return year is null
            ? []
            : await db.Tasks.Where(t => t.TenantId == tenant && t.Active && t.Year == year)
                .OrderBy(t => t.Order)
                .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The public status of each task, from its closure, its completion report and its monthly reports.
    /// </summary>
    public async Task<Dictionary<Guid, PublicStatus>> StatusesAsync(
        IReadOnlyCollection<TrackedTask> tasks,
        CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var completed = (await db.CompletionReports
                .Where(c => ids.Contains(c.TaskId)
                            && c.Status == ReportStatus.Accepted
                            && c.Outcome == CompletionOutcome.Completed)
                .Select(c => new { c.TaskId, c.Year })
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var reported = (await db.Reports
                .Where(r => ids.Contains(r.TaskId) && (r.FirstSubmittedAt != null || r.Status != ReportStatus.Draft))
                .Select(r => r.TaskId)
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return tasks.ToDictionary(
            t => t.Id,
            t => PublicStatusNames.Decide(
                t.ClosedOn is not null,
                completed.Contains(new { TaskId = t.Id, t.Year }),
                reported.Contains(t.Id)));
    }

    public async Task<PublicView> BuildAsync(PublicPage page, bool withFeed, CancellationToken cancellationToken)
    {
        var tenant = page.TenantId;
        var fields = page.Fields;
        var tasks = await TasksAsync(tenant, cancellationToken);
        var year = tasks.Count > 0 ? tasks[0].Year : (int?)null;
        var statuses = await StatusesAsync(tasks, cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var lights = fields.HasFlag(PublicFields.Lights)
            ? await LatestLightsAsync(tenant, ids, cancellationToken)
            : [];
        var texts = fields.HasFlag(PublicFields.Progress) || fields.HasFlag(PublicFields.Problems)
            ? await LatestAcceptedAsync(ids, cancellationToken)
            : [];

        var categories = tasks
            .GroupBy(t => string.IsNullOrWhiteSpace(t.Category) ? "其他" : t.Category)
            .Select(g => new PublicCategory(
                g.Key,
                g.Select(t => Task(t, statuses[t.Id], fields, lights, texts)).ToList()))
            .ToList();
        var completedCount = statuses.Values.Count(s => s == PublicStatus.Completed);
        var name = await db.DistrictNameAsync(tenant, cancellationToken);
        return new PublicView(
            tenant,
            name,
            year,
            tasks.Count,
            completedCount,
            statuses.Values.Count(s => s == PublicStatus.InProgress),
            statuses.Values.Count(s => s == PublicStatus.NotStarted),
            tasks.Count == 0 ? 0 : Math.Round(100m * completedCount / tasks.Count, 1),
            categories,
            fields.HasFlag(PublicFields.Summary) && year is { } y
                ? await SummaryAsync(tenant, y, page.Summary, cancellationToken)
                : null,
            withFeed ? await FeedAsync(tenant, cancellationToken) : null,
            page.Published ? page.PublishedAt : null);
    }

    private static PublicTask Task(
        TrackedTask task,
        PublicStatus status,
        PublicFields fields,
        Dictionary<Guid, Light> lights,
        Dictionary<Guid, (string Progress, string Problems)> texts)
    {
        texts.TryGetValue(task.Id, out var text);
        return new PublicTask(
            task.Number,
            task.Text,
            PublicStatusNames.Of(status),
            fields.HasFlag(PublicFields.LeadUnits) ? task.LeadUnitNames : null,
            fields.HasFlag(PublicFields.Deadlines)
                ? task.EffectiveDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty
                : null,
            fields.HasFlag(PublicFields.Lights)
                ? lights.TryGetValue(task.Id, out var light) ? LightName(light) : string.Empty
                : null,
            fields.HasFlag(PublicFields.Progress) ? text.Progress ?? string.Empty : null,
            fields.HasFlag(PublicFields.Problems) ? text.Problems ?? string.Empty : null);
    }

    private static string LightName(Light light) => light switch
    {
        Light.Red => "红灯",
        Light.Yellow => "黄灯",
        _ => "绿灯",
    };

    /// <summary>Each task's worst light of its latest month that has begun.</summary>
    private async Task<Dictionary<Guid, Light>> LatestLightsAsync(
        string tenant,
        List<Guid> ids,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var current = PeriodKey.Format(today.Year, today.Month);
        var rows = await db.Lights
            .Where(l => l.TenantId == tenant && ids.Contains(l.TaskId) && string.Compare(l.Period, current) <= 0)
            .Select(l => new { l.TaskId, l.Period, l.Light })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TaskId)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var latest = g.Max(r => r.Period)!;
                    return g.Where(r => r.Period == latest).Max(r => r.Light);
                });
    }

    /// <summary>Each task's latest accepted monthly report: only what the office accepted is ever public.</summary>
    private async Task<Dictionary<Guid, (string Progress, string Problems)>> LatestAcceptedAsync(
        List<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Reports
            .Where(r => ids.Contains(r.TaskId) && r.Status == ReportStatus.Accepted)
            .Select(r => new { r.TaskId, r.Period, r.Progress, r.Problems })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TaskId)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var latest = g.OrderByDescending(r => r.Period, StringComparer.Ordinal).First();
                    return (latest.Progress, latest.Problems);
                });
    }

    /// <summary>The year's outcomes once it is closed; nothing before.</summary>
    private async Task<PublicSummary?> SummaryAsync(
        string tenant,
        int year,
        string text,
        CancellationToken cancellationToken)
    {
        var closed = await db.ClosingYears
            .AnyAsync(c => c.TenantId == tenant && c.Year == year && c.ClosedAt != null, cancellationToken);
        if (!closed)
        {
            return null;
        }

        var outcomes = await db.CompletionReports
            .Where(c => c.TenantId == tenant && c.Year == year && c.Status == ReportStatus.Accepted)
            .Select(c => new { c.TaskId, c.Outcome })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new PublicSummary(
            outcomes.Count(o => o.Outcome == CompletionOutcome.Completed),
            outcomes.Count(o => o.Outcome == CompletionOutcome.MostlyCompleted),
            outcomes.Count(o => o.Outcome == CompletionOutcome.NotCompleted),
            text);
    }

    private async Task<IReadOnlyList<PublicChange>> FeedAsync(string tenant, CancellationToken cancellationToken) =>
        (await db.PublicFeed.Where(e => e.TenantId == tenant)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(FeedSize)
            .ToListAsync(cancellationToken))
        .Select(e => new PublicChange(
            e.Id,
            e.At,
            e.Kind,
            e.TaskNumber,
            e.TaskText,
            e.Status is { } s ? PublicStatusNames.Of(s) : null))
        .ToList();
}
