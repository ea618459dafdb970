using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;
using Platform.Units.Domain;
using Platform.Units.Identity;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

/// <summary>
/// The platform's divisions: a platform admin provisions a district under its parent (checked against the GB/T 2260
/// table), with its first district-admin in the same transaction, and suspends or resumes it; everyone sees their own
/// division and those they oversee.
/// </summary>
public sealed class TenantDirectoryService(
    UnitsDbContext db, TenantContext caller, IOutbox outbox, TimeProvider clock, AccountChanges changes,
    IOptions<IdentityOptions> identity)
    : V1.TenantDirectory.TenantDirectoryBase
{
    public override async Task<V1.Tenant> CreateTenant(V1.CreateTenantRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.TenantsWrite);
        var actor = caller.UserId ?? "system";
        // The directory, and the new tenant's TenantProvisioned in the outbox, are written as the platform: the
        // database lets no tenant context (the admin's included) change the directory or announce an event of another
        // tenant.
        using var platform = caller.AsSystem("a new tenant");
        TenantRecord? parent = null;
        if (!string.IsNullOrEmpty(request.ParentId))
        {
            parent = await db.Tenants.SingleOrDefaultAsync(t => t.Id == request.ParentId, context.CancellationToken)
                ?? throw new ValidationException(
                    "parent_id", $"tenant {request.ParentId} does not exist; create it first");
        }

        var now = clock.GetUtcNow();
        var tenant = TenantRecord.Create(request.Id, request.Name, parent, now);
        if (await db.Tenants.AnyAsync(t => t.Id == tenant.Id, context.CancellationToken))
        {
            throw new ConflictException($"Tenant {tenant.Id} already exists.");
        }

        db.Tenants.Add(tenant);
        outbox.Enqueue(new TenantProvisioned
        {
            TenantId = tenant.Id, Name = tenant.Name, ParentId = tenant.ParentId, OccurredAt = now,
        });
        var (admin, password) = FirstAdmin(request, tenant, actor, now);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.UniqueViolationTable() is { } table)
        {
            throw new ConflictException(
                table == "accounts"
                    ? AccessDirectoryService.UsernameUnavailable
                    : $"Tenant {tenant.Id} already exists.");
        }

        var created = tenant.ToProto();
        if (admin is not null)
        {
            created.FirstAdmin = admin.ToProto();
            created.FirstAdmin.InitialPassword = password;
        }

        return created;
    }

    /// <summary>
    /// The district's first district-admin when the request names one: a one-time password, to be replaced.
    /// </summary>
    private (
        Account? Account,
        string Password) FirstAdmin(V1.CreateTenantRequest request, TenantRecord tenant, string actor,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.AdminUsername))
        {
            return (null, string.Empty);
        }

        if (tenant.Level != TenantLevel.District)
        {
            throw new ValidationException("admin_username", "only a district has a district office (district-admin)");
        }

        var username = AccessDirectoryService.NormalizedUsername(request.AdminUsername, "admin_username");
        if (AccessDirectoryService.IsReserved(username, identity.Value))
        {
            throw new ConflictException(AccessDirectoryService.UsernameUnavailable);
        }

        var password = Secrets.NewInitialPassword();
        var account = new Account
        {
            Id = Guid.CreateVersion7(), Username = username, TenantId = tenant.Id,
            Roles = [PlatformRoles.DistrictAdmin],
            DisplayName = AccessDirectoryService.ValidDisplayName(
                string.IsNullOrWhiteSpace(request.AdminDisplayName) ? tenant.Name + "督办室" : request.AdminDisplayName),
            PasswordHash = Secrets.Hash(password), MustChangePassword = true, CreatedAt = now,
        };
        db.Accounts.Add(account);
        changes.Created(account, actor, now);
        return (account, password);
    }

    public override Task<V1.Tenant> SuspendTenant(V1.TenantActionRequest request, ServerCallContext context) =>
        SetSuspendedAsync(request.Id, suspended: true, context.CancellationToken);

    public override Task<V1.Tenant> ResumeTenant(V1.TenantActionRequest request, ServerCallContext context) =>
        SetSuspendedAsync(request.Id, suspended: false, context.CancellationToken);

    /// <summary>
    /// Suspending ends every session of the district at once: its refresh tokens are revoked, and the revocation list
    /// names the district so that every host refuses its tokens, people's and integration clients' alike.
    /// </summary>
    private async Task<V1.Tenant> SetSuspendedAsync(string id, bool suspended, CancellationToken cancellationToken)
    {
        caller.Require(PlatformScopes.TenantsWrite);
        if (!caller.IsPlatformAdmin())
        {
            throw new ForbiddenException("Only the platform's administrators suspend or resume a district.");
        }

        using var platform = caller.AsSystem(suspended ? "a tenant suspended" : "a tenant resumed");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("tenant", id);
        if (tenant.Level != TenantLevel.District)
        {
            throw new PreconditionException($"{tenant.Name} is not a district: only a district (a tenant of its own) " +
                "is suspended.");
        }

        var now = clock.GetUtcNow();
        if (suspended)
        {
            tenant.Suspend(now);
            foreach (
                var token in await db.RefreshTokens.Where(t => t.TenantId == id && t.RevokedAt == null)
                    .ToListAsync(cancellationToken))
            {
                token.RevokedAt = now;
            }
        }
        else
        {
            tenant.Resume();
        }

        await db.SaveChangesAsync(cancellationToken);
        return tenant.ToProto();
    }

    public override async Task<V1.ListTenantsResponse> ListTenants(
        V1.ListTenantsRequest request, ServerCallContext context)
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
        var tenant = await db.Tenants.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == request.Id, context.CancellationToken);
        return tenant is not null && Visible(tenant)
            ? tenant.ToProto()
            : throw new NotFoundException("tenant", request.Id);
    }

    /// <summary>The platform admin sees every tenant; everyone else their own and the divisions they oversee.</summary>
    private bool Visible(TenantRecord tenant) =>
        caller.IsPlatformAdmin() || tenant.Id == caller.TenantId ||
        (
            caller.Roles.Contains(PlatformRoles.MunicipalViewer)
                && caller.TenantId is { } own
                && DivisionCode.Oversees(own, tenant.Id));
}
