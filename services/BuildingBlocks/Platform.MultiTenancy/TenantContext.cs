using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.MultiTenancy;

/// <summary>
/// The scope's <see cref="ITenantContext"/>, set once: from the request's principal, or from a message's tenant.
/// Cross-tenant work borrows the system context for a bounded stretch only, through <see cref="AsSystem"/>.
/// </summary>
public sealed partial class TenantContext(ILogger<TenantContext> logger) : ITenantContext
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>A context outside dependency injection (tests, design-time tooling); it logs nothing.</summary>
    public TenantContext()
        : this(NullLogger<TenantContext>.Instance)
    {
    }

    /// <summary>
    /// Raised after the context changed, so that the connections already open
    /// (<see cref="TenantConnectionInterceptor"/>) carry the new one at once rather than at their next open.
    /// </summary>
    internal event Action? Changed;

    public string? TenantId { get; private set; }

    public string? ReadPrefix { get; private set; }

    public bool IsReadOnly { get; private set; }

    public bool IsSystem { get; private set; }

    public string? UserId { get; private set; }

    public string? UnitId { get; private set; }

    public IReadOnlySet<string> Roles { get; private set; } = None;

    public IReadOnlySet<string> Scopes { get; private set; } = None;

    public bool CanRead(string tenantId) => TenantReadRule.Allows(IsSystem, TenantId, ReadPrefix, tenantId);

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

        UserId = principal.FindFirst(PlatformClaims.Subject)?.Value;
        UnitId = principal.FindFirst(PlatformClaims.Unit)?.Value;
        Roles = roles;
        Scopes = scopes;
        Set(new Access(tenant, municipal ? DivisionCode.OverseenPrefix(tenant) : null, municipal, System: false));
    }

    /// <summary>
    /// Acts for one tenant on behalf of the platform itself, e.g. when applying a message of that tenant.
    /// </summary>
    public void SetTenant(string tenantId)
    {
        Roles = None;
        Scopes = None;
        Set(new Access(tenantId, ReadPrefix: null, ReadOnly: false, System: false));
    }

    /// <summary>
    /// Cross-tenant platform work until the returned scope is disposed, which restores the context from before (also
    /// on the open database connections). The caller's user, roles and scopes stay as they were: only whose rows may be
    /// read and written changes. Entering names <paramref name="reason"/> in the log.
    /// </summary>
    public IDisposable AsSystem(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var previous = Current;
        LogSystemEntered(reason, previous.TenantId ?? "(none)");
        Set(Access.Platform);
        return new SystemScope(this, previous);
    }

    private Access Current => new(TenantId, ReadPrefix, IsReadOnly, IsSystem);

    private void Set(Access access)
    {
        TenantId = access.TenantId;
        ReadPrefix = access.ReadPrefix;
        IsReadOnly = access.ReadOnly;
        IsSystem = access.System;
        Changed?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entering the system context ({Reason}) from tenant {TenantId}")]
    private partial void LogSystemEntered(string reason, string tenantId);

    /// <summary>Whose rows the context reaches: the part that <see cref="AsSystem"/> changes and restores.</summary>
    private sealed record Access(string? TenantId, string? ReadPrefix, bool ReadOnly, bool System)
    {
        public static readonly Access Platform = new(TenantId: null, ReadPrefix: null, ReadOnly: false, System: true);
    }

    private sealed class SystemScope(TenantContext context, Access previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            context.Set(previous);
        }
    }
}
