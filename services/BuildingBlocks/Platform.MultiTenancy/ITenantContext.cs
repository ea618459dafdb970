using System.Security.Claims;

namespace Platform.MultiTenancy;

/// <summary>
/// Whose data the current unit of work may touch. Filled once per request from the validated token, or per message
/// from its body; every database connection carries it to PostgreSQL's row-level security.
/// </summary>
public interface ITenantContext
{
    /// <summary>The caller's tenant, or null before it is known.</summary>
    string? TenantId { get; }

    /// <summary>Code prefix of the child tenants the caller may read (municipal viewers), else null.</summary>
    string? ReadPrefix { get; }

    /// <summary>True when the caller may read but never write (a municipal viewer).</summary>
    bool IsReadOnly { get; }

    /// <summary>Platform-level work that spans tenants (sign-in, the outbox relay). Never set from a request.</summary>
    bool IsSystem { get; }

    string? UserId { get; }

    string? UnitId { get; }

    IReadOnlySet<string> Roles { get; }

    IReadOnlySet<string> Scopes { get; }

    bool CanRead(string tenantId);
}

public sealed class TenantContext : ITenantContext
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public string? TenantId { get; private set; }

    public string? ReadPrefix { get; private set; }

    public bool IsReadOnly { get; private set; }

    public bool IsSystem { get; private set; }

    public string? UserId { get; private set; }

    public string? UnitId { get; private set; }

    public IReadOnlySet<string> Roles { get; private set; } = None;

    public IReadOnlySet<string> Scopes { get; private set; } = None;

    public bool CanRead(string tenantId) =>
        IsSystem || tenantId == TenantId ||
        (ReadPrefix is not null && tenantId.StartsWith(ReadPrefix, StringComparison.Ordinal));

    /// <summary>Takes the tenant, unit, roles and scopes from a validated principal; nothing from headers.</summary>
    public void SetFromPrincipal(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirst(PlatformClaims.Tenant)?.Value;
        if (string.IsNullOrEmpty(tenant))
        {
            return;
        }

        var roles = principal.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = principal.FindAll(PlatformClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var municipal = roles.Contains(PlatformRoles.MunicipalViewer);

        TenantId = tenant;
        UserId = principal.FindFirst(PlatformClaims.Subject)?.Value;
        UnitId = principal.FindFirst(PlatformClaims.Unit)?.Value;
        Roles = roles;
        Scopes = scopes;
        IsReadOnly = municipal;
        ReadPrefix = municipal ? DivisionCode.OverseenPrefix(tenant) : null;
        IsSystem = false;
    }

    /// <summary>Acts for one tenant on behalf of the platform itself, e.g. when applying a message of that tenant.</summary>
    public void SetTenant(string tenantId)
    {
        TenantId = tenantId;
        ReadPrefix = null;
        IsReadOnly = false;
        IsSystem = false;
        Roles = None;
        Scopes = None;
    }

    /// <summary>Cross-tenant platform work. Only code paths that must see every tenant call this.</summary>
    public void SetSystem()
    {
        IsSystem = true;
        TenantId = null;
        ReadPrefix = null;
        IsReadOnly = false;
    }
}
