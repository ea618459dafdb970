using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Units.Data;
using Platform.Units.Identity;

namespace Platform.Units.Grpc;

/// <summary>
/// <c>POST /api/v1/ops/units:replay</c> (platform admin): the directory's current state again —
/// <c>TenantProvisioned</c> for each tenant, <c>UnitChanged</c> for each unit, <c>AccountChanged</c> for each account
/// (of one district with <c>{"tenant": …}</c>) — so a service that started after they were published can rebuild
/// its copy. Every consumer of them applies the same state twice as once.
/// </summary>
internal static class ReplayEndpoints
{
    public static void MapDirectoryReplay(this IEndpointRouteBuilder app) =>
        app.MapReplay<UnitsDbContext>("units", async (db, outbox, only, cancellationToken) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var tenants = await db.Tenants.Where(x => only == null || x.Id == only).ToListAsync(cancellationToken);
            tenants.ForEach(x => outbox.Enqueue(new TenantProvisioned
            {
                TenantId = x.Id,
                Name = x.Name,
                ParentId = x.ParentId,
                OccurredAt = now,
            }));
            var units = await db.Units
                .Include(u => u.Aliases)
                .Where(u => only == null || u.TenantId == only)
                .ToListAsync(cancellationToken);
            var names = units.ToDictionary(u => u.Id, u => u.Name);
            units.ForEach(u => outbox.Enqueue(u.MergedIntoId is { } into
                ? UnitDirectoryService.Changed(u, UnitChangeKind.Merged, null, now, names.GetValueOrDefault(into))
                : UnitDirectoryService.Changed(u, UnitChangeKind.Created, null, now)));
            var accounts = await db.Accounts
                .Where(a => a.TenantId != DivisionCode.Host && (only == null || a.TenantId == only))
                .ToListAsync(cancellationToken);
            accounts.ForEach(a => outbox.Enqueue(AccountChanges.Event(a, now)));
            return new
            {
                tenantProvisioned = tenants.Count,
                unitChanged = units.Count,
                accountChanged = accounts.Count,
            };
        });
}
