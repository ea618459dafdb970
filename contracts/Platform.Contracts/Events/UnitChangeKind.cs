namespace Platform.Contracts.Events;

/// <summary>What changed about a unit (<see cref="UnitChanged.Change"/>).</summary>
public enum UnitChangeKind
{
    Created,
    Renamed,
    AliasAdded,
    MembersChanged,
    AliasRemoved,
    Retired,
    Reinstated,

    /// <summary>
    /// The unit was merged into <see cref="UnitChanged.MergedIntoId"/>: whatever it leads, shares or owes is that
    /// unit's now.
    /// </summary>
    Merged,
}
