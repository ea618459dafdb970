using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;
using Platform.Units.Domain;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

public sealed class TenantDirectoryService(UnitsDbContext db, TenantContext caller, IOutbox outbox, TimeProvider clock)
    : V1.TenantDirectory.TenantDirectoryBase
{
    public override async Task<V1.Tenant> CreateTenant(V1.CreateTenantRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.TenantsWrite);
        // The directory, and the new tenant's TenantProvisioned in the outbox, are written as the platform: the database
        // lets no tenant context (the admin's included) change the directory or announce an event of another tenant.
        caller.SetSystem();
        TenantRecord? parent = null;
        if (!string.IsNullOrEmpty(request.ParentId))
        {
            parent = await db.Tenants.SingleOrDefaultAsync(t => t.Id == request.ParentId, context.CancellationToken)
                ?? throw new ValidationException("parent_id", $"tenant {request.ParentId} does not exist; create it first");
        }

        var now = clock.GetUtcNow();
        var tenant = TenantRecord.Create(request.Id, request.Name, parent, now);
        if (await db.Tenants.AnyAsync(t => t.Id == tenant.Id, context.CancellationToken))
        {
            throw new ConflictException($"Tenant {tenant.Id} already exists.");
        }

        db.Tenants.Add(tenant);
        outbox.Enqueue(new TenantProvisioned { TenantId = tenant.Id, Name = tenant.Name, ParentId = tenant.ParentId, OccurredAt = now });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Tenant {tenant.Id} already exists.");
        }

        return tenant.ToProto();
    }

    public override async Task<V1.ListTenantsResponse> ListTenants(V1.ListTenantsRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.TenantsRead);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(context.CancellationToken);
        var response = new V1.ListTenantsResponse();
        response.Tenants.AddRange(tenants.Where(Visible).Select(t => t.ToProto()));
        return response;
    }

    public override async Task<V1.Tenant> GetTenant(V1.GetTenantRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.TenantsRead);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.Id, context.CancellationToken);
        return tenant is not null && Visible(tenant) ? tenant.ToProto() : throw new NotFoundException("tenant", request.Id);
    }

    /// <summary>The platform admin sees every tenant; everyone else their own and the divisions they oversee.</summary>
    private bool Visible(TenantRecord tenant) =>
        caller.IsPlatformAdmin() || tenant.Id == caller.TenantId ||
        (caller.Roles.Contains(PlatformRoles.MunicipalViewer) && caller.TenantId is { } own && DivisionCode.Oversees(own, tenant.Id));
}
