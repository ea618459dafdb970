namespace Platform.MultiTenancy;

/// <summary>An entity that belongs to one tenant: filtered by EF and by PostgreSQL row-level security.</summary>
public interface ITenantEntity
{
    string TenantId { get; }
}
