using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Units.Data;

namespace Platform.Units.Grpc;

/// <summary>
/// <c>POST /api/v1/ops/units:replay</c> <c>{"tenant": "500103"}</c> (optional; every tenant when absent), platform admin
/// only: publishes the directory's current state again through the outbox — <c>TenantProvisioned</c> for each tenant,
/// <c>UnitChanged</c> for each unit, <c>AccountChanged</c> for each account — so a service that started after they were
/// published can rebuild its copy. Every consumer of them applies the same state twice as once.
/// </summary>
internal static class ReplayEndpoints
{
    public static void MapDirectoryReplay(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/ops/units:replay", async (ReplayRequest? request, TenantContext tenant, UnitsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            tenant.SetSystem();
            var only = request?.Tenant is { Length: > 0 } t ? t : null;
            var now = clock.GetUtcNow();
            var tenants = await db.Tenants.Where(x => only == null || x.Id == only).ToListAsync(cancellationToken);
            tenants.ForEach(x => outbox.Enqueue(new TenantProvisioned { TenantId = x.Id, Name = x.Name, ParentId = x.ParentId, OccurredAt = now }));
            var units = await db.Units.Include(u => u.Aliases).Where(u => only == null || u.TenantId == only).ToListAsync(cancellationToken);
            units.ForEach(u => outbox.Enqueue(UnitDirectoryService.Changed(u, UnitChangeKind.Created, null, now)));
            var accounts = await db.Accounts.Where(a => a.TenantId != DivisionCode.Host && (only == null || a.TenantId == only)).ToListAsync(cancellationToken);
            accounts.ForEach(a => outbox.Enqueue(new AccountChanged
            {
                TenantId = a.TenantId, AccountId = a.Id, Username = a.Username, DisplayName = a.DisplayName, UnitId = a.UnitId,
                Roles = a.Roles, Disabled = a.IsDisabled, OccurredAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            return Results.Ok(new { replayed = new { tenantProvisioned = tenants.Count, unitChanged = units.Count, accountChanged = accounts.Count } });
        }).RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));

    public sealed record ReplayRequest(string? Tenant);
}
