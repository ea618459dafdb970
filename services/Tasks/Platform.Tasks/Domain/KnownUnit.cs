using Platform.MultiTenancy;

namespace Platform.Tasks.Domain;

/// <summary>
/// The newest state of a directory unit this service was told of (UnitChanged), by the directory's own version: an
/// older event arriving late (another queue, a redelivery, a replay) does not bring back an old name.
/// </summary>
public sealed class KnownUnit : ITenantEntity
{
    public Guid UnitId { get; set; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    public Guid? MergedIntoId { get; set; }
}
