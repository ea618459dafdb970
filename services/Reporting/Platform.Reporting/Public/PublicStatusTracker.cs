using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Public;

/// <summary>
/// Keeps the public statuses last recorded and adds a feed entry for each one that changed. It compares what the rows
/// say now with what was recorded, never what an event claims, so an event delivered twice, late or out of order adds
/// nothing twice. Changes are staged on the context for the caller's one save.
/// </summary>
public sealed class PublicStatusTracker(ReportingDbContext db, PublicPageQuery query)
{
    /// <summary>
    /// Records the current status of the given tasks (all of the page's year when none is named). A task seen for the
    /// first time is recorded without an entry: the page's first state is not a change.
    /// </summary>
    public async Task StageAsync(
        string tenant,
        IReadOnlyCollection<Guid>? taskIds,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var year = await query.CurrentYearAsync(tenant, cancellationToken);
        var tasks = taskIds is null
            ? await query.TasksAsync(tenant, cancellationToken)
            : await db.Tasks
                .Where(t => t.TenantId == tenant && t.Active && t.Year == year && taskIds.Contains(t.Id))
                .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }

        var statuses = await query.StatusesAsync(tasks, cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var recorded = await db.PublicTaskStatuses
            .Where(s => s.TenantId == tenant && ids.Contains(s.TaskId))
            .ToDictionaryAsync(s => s.TaskId, cancellationToken);
        foreach (var task in tasks)
        {
            var status = statuses[task.Id];
            if (!recorded.TryGetValue(task.Id, out var row))
            {
                db.PublicTaskStatuses.Add(new PublicTaskStatus
                {
                    TenantId = tenant, TaskId = task.Id, Status = status, ChangedAt = now,
                });
                continue;
            }

            if (row.Status == status)
            {
                continue;
            }

            row.Status = status;
            row.ChangedAt = now;
            db.PublicFeed.Add(new PublicFeedEntry
            {
                TenantId = tenant,
                Kind = PublicFeedEntry.StatusChanged,
                At = now,
                TaskId = task.Id,
                TaskNumber = task.Number,
                TaskText = task.Text,
                Status = status,
            });
        }
    }

    /// <summary>The page published or withdrawn, as an entry of its feed.</summary>
    public void StagePageEvent(string tenant, string kind, DateTimeOffset now) =>
        db.PublicFeed.Add(new PublicFeedEntry { TenantId = tenant, Kind = kind, At = now });
}
