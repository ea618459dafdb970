using Platform.MultiTenancy;

namespace Platform.Messaging;

/// <summary>
/// What a service remembers about one directory unit from the directory's events, keyed by the unit: its newest name
/// (<see cref="UnitNameRecord"/>) or the unit it was merged into (<see cref="UnitMergeRecord"/>).
/// </summary>
public abstract class UnitRecord : ITenantEntity
{
    /// <summary>The longest unit name the directory accepts.</summary>
    public const int NameLength = 200;

    public Guid UnitId { get; set; }

    public required string TenantId { get; set; }
}
