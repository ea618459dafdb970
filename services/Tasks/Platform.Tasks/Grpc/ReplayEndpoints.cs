using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Grpc;

/// <summary>
/// <c>POST /api/v1/ops/tasks:replay</c> <c>{"tenant": "500103"}</c> (optional; every district when absent), platform
/// admin only: publishes <c>TaskListPublished</c> again for the version in force of every list, through the outbox,
/// so a service that started after the lists were published (or lost its copy) can rebuild it. Consumers apply a list
/// they hold already as a no-op.
/// </summary>
internal static class ReplayEndpoints
{
    public static void MapTaskReplay(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/ops/tasks:replay", async (ReplayRequest? request, TenantContext tenant, TasksDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            tenant.SetSystem();
            var lists = db.TaskLists.Where(l => l.Status == TaskListStatus.Published);
            if (request?.Tenant is { Length: > 0 } only)
            {
                lists = lists.Where(l => l.TenantId == only);
            }

            var published = await lists.Include(l => l.Tasks).ThenInclude(t => t.Units).AsSplitQuery().ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            published.ForEach(list => outbox.Enqueue(TaskListEvents.Published(list, null, now)));
            await db.SaveChangesAsync(cancellationToken);
            return Results.Ok(new { replayed = new { taskListPublished = published.Count } });
        }).RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));

    public sealed record ReplayRequest(string? Tenant);
}
