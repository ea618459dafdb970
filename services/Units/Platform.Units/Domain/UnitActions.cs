namespace Platform.Units.Domain;

/// <summary>What a <see cref="UnitAuditEntry"/> records.</summary>
public static class UnitActions
{
    public const string Created = "created";
    public const string Renamed = "renamed";
    public const string AliasAdded = "alias-added";
    public const string AliasRemoved = "alias-removed";
    public const string MembersChanged = "members-changed";
    public const string Retired = "retired";
    public const string Reinstated = "reinstated";

    /// <summary>On the unit that ended: merged into another one.</summary>
    public const string Merged = "merged";

    /// <summary>On the unit that took another one over.</summary>
    public const string Absorbed = "absorbed";
}
