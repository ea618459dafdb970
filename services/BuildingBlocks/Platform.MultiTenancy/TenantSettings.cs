namespace Platform.MultiTenancy;

/// <summary>
/// The PostgreSQL session settings that carry the tenant context to row-level security: written by
/// <see cref="TenantConnectionInterceptor"/>, read by the functions of <see cref="RowLevelSecurity"/>.
/// </summary>
public static class TenantSettings
{
    /// <summary>The caller's tenant; empty when there is none.</summary>
    public const string TenantId = "app.tenant_id";

    /// <summary>The code prefix of the tenants a higher-level reader may read; empty when there is none.</summary>
    public const string ReadPrefix = "app.read_prefix";

    /// <summary>"on" for a caller that may read but never write.</summary>
    public const string ReadOnly = "app.read_only";

    /// <summary>"on" for the platform's cross-tenant work.</summary>
    public const string System = "app.system";

    /// <summary>The HMAC over the other four with the service's <see cref="TenantContextKey"/>.</summary>
    public const string ContextSignature = "app.context_sig";
}
