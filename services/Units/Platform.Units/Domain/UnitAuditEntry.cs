using System.Text.Json;
using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// One change of a unit of the directory, as the district office sees it: who did what, when, and the unit before and
/// after.
/// </summary>
public sealed class UnitAuditEntry : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid UnitId { get; set; }

    public required string Action { get; set; }

    /// <summary>The account id (or client id) of who made the change.</summary>
    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The unit as JSON (jsonb), null for a new one.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>What the audit keeps of a unit: its names, kind, members and whether it is retired.</summary>
    public static string Snapshot(Unit unit) => JsonSerializer.Serialize(new
    {
        name = unit.Name,
        kind = unit.Kind.ToString(),
        aliases = unit.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal).ToList(),
        memberIds = unit.MemberIds,
        retiredAt = unit.RetiredAt,
        mergedIntoId = unit.MergedIntoId,
    });
}

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
