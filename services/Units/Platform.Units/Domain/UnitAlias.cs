using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>Another name by which documents refer to a unit (区经信委 for 区经济信息委).</summary>
public sealed class UnitAlias : ITenantEntity
{
    private UnitAlias()
    {
    }

    public UnitAlias(string tenantId, Guid unitId, string alias, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        UnitId = unitId;
        Alias = alias;
        NormalizedAlias = UnitNames.Normalize(alias);
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string TenantId { get; private set; } = null!;

    public Guid UnitId { get; private set; }

    public string Alias { get; private set; } = null!;

    public string NormalizedAlias { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }
}
