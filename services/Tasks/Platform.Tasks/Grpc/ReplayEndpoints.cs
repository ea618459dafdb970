using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Grpc;

/// <summary>
/// <c>POST /api/v1/ops/tasks:replay</c> (platform admin): <c>TaskListPublished</c> again for the version in force of
/// every list (of one district with <c>{"tenant": …}</c>), so a service that started after the lists were published, or
/// lost its copy, can rebuild it. Consumers apply a list they hold already as a no-op.
/// </summary>
internal static class ReplayEndpoints
{
    public static void MapTaskReplay(this IEndpointRouteBuilder app) =>
        app.MapReplay<TasksDbContext>("tasks", async (db, outbox, tenant, cancellationToken) =>
        {
            var published = await db.TaskLists
                .Where(l => l.Status == TaskListStatus.Published && (tenant == null || l.TenantId == tenant))
                .Include(l => l.Tasks).ThenInclude(t => t.Units).AsSplitQuery().ToListAsync(cancellationToken);
            var now = TimeProvider.System.GetUtcNow();
            published.ForEach(list => outbox.Enqueue(TaskListEvents.Published(list, null, now)));
            return new { taskListPublished = published.Count };
        });
}
