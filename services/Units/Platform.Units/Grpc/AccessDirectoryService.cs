using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;
using Platform.Units.Domain;
using Platform.Units.Identity;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

/// <summary>
/// Accounts and integration clients. A platform admin manages any tenant's; a district admin only its own district's
/// people, with district roles. Another tenant's objects are reported as not found.
/// </summary>
/// <remarks>
/// People sign in with the username alone, so usernames are unique across the platform. A name that cannot be had,
/// whether taken in the caller's district, in another, or reserved, is refused with one and the same answer
/// (<see cref="UsernameUnavailable"/>), after the same work: a district admin learns only that it cannot be used, not
/// that another district has an account of that name.
/// </remarks>
public sealed partial class AccessDirectoryService(
    UnitsDbContext db, TenantContext caller, IOptions<IdentityOptions> options, TimeProvider clock,
    AccountChanges changes, SignInThrottle throttle)
    : V1.AccessDirectory.AccessDirectoryBase
{
    /// <summary>The one answer for a username that cannot be had, wherever it is taken.</summary>
    public const string UsernameUnavailable = "This username cannot be used; choose another.";

    /// <summary>
    /// Names no account may take: the platform's own clients and words that would pass for the platform speaking.
    /// Refused like a taken name.
    /// </summary>
    private static readonly HashSet<string> ReservedUsernames = new(StringComparer.Ordinal)
    {
        "admin", "administrator", "root", "system", "support", "security", "duban", "platform",
    };

    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public override async Task<V1.Account> CreateAccount(V1.CreateAccountRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.AccountsWrite);
        var tenantId = string.IsNullOrEmpty(request.TenantId) ? caller.TenantId! : request.TenantId;
        var admin = caller.IsPlatformAdmin();
        if (!admin && (caller.IsReadOnly || tenantId != caller.TenantId))
        {
            throw new NotFoundException("tenant", tenantId);
        }

        var username = NormalizedUsername(request.Username, "username");

        var displayName = ValidDisplayName(request.DisplayName);
        var email = ValidEmail(request.Email);
        var mobile = ValidMobile(request.Mobile);

        // No password: the office gets a one-time one to hand over, and the person chooses their own at the first
        // sign-in.
        var initialPassword = request.Password.Length == 0 ? Secrets.NewInitialPassword() : null;
        if (initialPassword is null
            && Secrets.ValidatePassword(request.Password, options.Value.MinPasswordLength) is { } passwordError)
        {
            throw new ValidationException("password", passwordError);
        }

        var roles = request.Roles.Distinct().ToList();
        ValidateRoles(roles, tenantId, admin);

        // Work on another tenant's rows happens as the platform, after the checks above, to the end of the request.
        using var platform = admin ? caller.AsSystem("a platform admin creates an account") : null;

        if (tenantId != DivisionCode.Host
            && !await db.Tenants.AnyAsync(t => t.Id == tenantId, context.CancellationToken))
        {
            throw new ValidationException("tenant_id", $"tenant {tenantId} does not exist");
        }

        Guid? unitId = string.IsNullOrEmpty(request.UnitId)
            ? null
            : await ExistingUnitAsync(request.UnitId, tenantId, context.CancellationToken);
        RequireUnitFor(roles, unitId);

        // No look-up first: the caller's own view sees only its district, so a name taken elsewhere would be found only
        // by the unique index, later and more slowly. Both cases go through that index, and give the same answer.
        if (IsReserved(username, options.Value))
        {
            throw new ConflictException(UsernameUnavailable);
        }

        var now = clock.GetUtcNow();
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Username = username,
            DisplayName = displayName,
            TenantId = tenantId,
            UnitId = unitId,
            Roles = roles,
            Email = email,
            Mobile = mobile,
            PasswordHash = Secrets.Hash(initialPassword ?? request.Password),
            MustChangePassword = initialPassword is not null,
            CreatedAt = now,
        };
        db.Accounts.Add(account);
        changes.Created(account, Actor, now);
        await SaveUniqueAsync(UsernameUnavailable, context.CancellationToken);
        var created = account.ToProto();
        created.InitialPassword = initialPassword ?? string.Empty;
        return created;
    }

    public override async Task<V1.ListAccountsResponse> ListAccounts(
        V1.ListAccountsRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.AccountsRead);
        var tenantId = string.IsNullOrEmpty(request.TenantId) ? caller.TenantId! : request.TenantId;
        // Only reads follow; a platform admin's reach the named tenant.
        using var platform = caller.IsPlatformAdmin() ? caller.AsSystem("a platform admin lists accounts") : null;
        if (platform is null && tenantId != caller.TenantId)
        {
            throw new NotFoundException("tenant", tenantId);
        }

        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.TenantId == tenantId)
            .OrderBy(a => a.Username)
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListAccountsResponse();
        response.Accounts.AddRange(accounts.Select(a => a.ToProto()));
        return response;
    }

    public override async Task<V1.ListSignInLockoutsResponse> ListSignInLockouts(
        V1.ListSignInLockoutsRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.AccountsRead);
        var paging = Paging.From(request.PageSize, request.PageToken, DefaultPageSize, MaxPageSize);
        var tenantId = string.IsNullOrEmpty(request.TenantId) ? caller.TenantId! : request.TenantId;
        // Only reads follow; a platform admin's reach the named tenant.
        using var platform = caller.IsPlatformAdmin()
            ? caller.AsSystem("a platform admin lists sign-in lockouts")
            : null;
        if (platform is null && tenantId != caller.TenantId)
        {
            throw new NotFoundException("tenant", tenantId);
        }

        var query = db.SignInLockouts.AsNoTracking().Where(l => l.TenantId == tenantId);
        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderByDescending(l => l.LockedAt)
            .ThenByDescending(l => l.Id)
            .Skip(paging.Offset)
            .Take(paging.Size)
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListSignInLockoutsResponse { NextPageToken = paging.NextToken(page.Count, total) };
        response.Lockouts.AddRange(page.Select(l => l.ToProto()));
        return response;
    }

    public override async Task<V1.CreateClientResponse> CreateClient(
        V1.CreateClientRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ClientsWrite);
        var clientId = request.ClientId.Trim().ToLowerInvariant();
        if (!UsernamePattern().IsMatch(clientId))
        {
            throw new ValidationException(
                "client_id", "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }

        if (options.Value.PublicClients.Contains(clientId))
        {
            throw new ConflictException($"'{clientId}' is reserved for the platform's own clients.");
        }

        if (!DivisionCode.IsValid(request.TenantId))
        {
            throw new ValidationException("tenant_id", "an integration client belongs to a division (e.g. 500103)");
        }

        if (request.Scopes.Count == 0 || request.Scopes.Any(s => !PlatformScopes.Grantable.Contains(s)))
        {
            throw new ValidationException(
                "scopes", $"grant one or more of: {string.Join(", ", PlatformScopes.Grantable.Order())}");
        }

        var secret = string.IsNullOrEmpty(request.Secret) ? Secrets.NewOpaqueToken() : request.Secret;
        if (secret.Length < options.Value.MinClientSecretLength || secret.Length > 128)
        {
            throw new ValidationException(
                "secret", $"must be {options.Value.MinClientSecretLength} to 128 characters, or empty to generate one");
        }

        // The client's district may be any: the rest of the request (checks and save) runs as the platform.
        using var platform = caller.AsSystem("a new integration client");
        if (!await db.Tenants.AnyAsync(t => t.Id == request.TenantId, context.CancellationToken))
        {
            throw new ValidationException("tenant_id", $"tenant {request.TenantId} does not exist");
        }

        if (await db.Clients.AnyAsync(c => c.ClientId == clientId, context.CancellationToken))
        {
            throw new ConflictException($"The client '{clientId}' already exists.");
        }

        var client = new IntegrationClient
        {
            ClientId = clientId,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? clientId : request.DisplayName.Trim(),
            TenantId = request.TenantId,
            Scopes = request.Scopes.Distinct().ToList(),
            SecretHash = Secrets.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Clients.Add(client);
        await SaveUniqueAsync($"The client '{clientId}' already exists.", context.CancellationToken);
        return new V1.CreateClientResponse { Client = client.ToProto(), Secret = secret };
    }

    public override async Task<V1.ListClientsResponse> ListClients(
        V1.ListClientsRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ClientsWrite);
        using var platform = caller.AsSystem("the list of integration clients");
        var query = db.Clients.AsNoTracking();
        if (!string.IsNullOrEmpty(request.TenantId))
        {
            query = query.Where(c => c.TenantId == request.TenantId);
        }

        var response = new V1.ListClientsResponse();
        response.Clients.AddRange(
            (await query.OrderBy(c => c.ClientId).ToListAsync(context.CancellationToken)).Select(c => c.ToProto()));
        return response;
    }

    internal static void ValidateRoles(List<string> roles, string tenantId, bool byPlatformAdmin)
    {
        if (roles.Count == 0)
        {
            throw new ValidationException("roles", "give at least one role");
        }

        if (roles.FirstOrDefault(r => !PlatformRoles.All.Contains(r)) is { } unknown)
        {
            throw new ValidationException(
                "roles", $"unknown role '{unknown}'; roles are {string.Join(", ", PlatformRoles.All.Order())}");
        }

        var allowed = tenantId == DivisionCode.Host ? new HashSet<string> { PlatformRoles.PlatformAdmin }
            : DivisionCode.OverseenPrefix(tenantId) is not null ? new HashSet<string> { PlatformRoles.MunicipalViewer }
            : new HashSet<string>(PlatformRoles.District);
        if (!byPlatformAdmin)
        {
            allowed.IntersectWith(PlatformRoles.District);
        }

        if (roles.FirstOrDefault(r => !allowed.Contains(r)) is { } refused)
        {
            throw new ValidationException("roles", $"'{refused}' cannot be given in tenant {tenantId} by this caller");
        }
    }

    private async Task SaveUniqueAsync(string conflictMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException(conflictMessage);
        }
    }

    /// <summary>A username as stored (trimmed, lower-case), or the field's refusal.</summary>
    internal static string NormalizedUsername(string username, string field)
    {
        username = username.Trim().ToLowerInvariant();
        return UsernamePattern().IsMatch(username)
            ? username
            : throw new ValidationException(field, "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
    }

    /// <summary>Names no account may take (refused like a taken one).</summary>
    internal static bool IsReserved(string username, IdentityOptions identity) =>
        ReservedUsernames.Contains(username) || identity.PublicClients.Contains(username);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UsernamePattern();
}
