using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// A tenant's name as the units service announced it (TenantProvisioned), for the municipal view's columns.
/// </summary>
public sealed class District : ITenantEntity
{
    public required string TenantId { get; set; }

    public required string Name { get; set; }

    public string? ParentId { get; set; }
}
