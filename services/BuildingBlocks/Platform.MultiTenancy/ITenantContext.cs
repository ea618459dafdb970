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

    /// <summary>
    /// Platform-level work that spans tenants (sign-in, the outbox relay, a platform admin's step across districts),
    /// only inside a <see cref="TenantContext.AsSystem"/> scope; never taken from a request.
    /// </summary>
    bool IsSystem { get; }

    string? UserId { get; }

    string? UnitId { get; }

    IReadOnlySet<string> Roles { get; }

    IReadOnlySet<string> Scopes { get; }

    bool CanRead(string tenantId);
}
