using System.Text.Json;

namespace Platform.Units.Domain;

/// <summary>
/// One change of a unit of the directory, as the district office sees it: who did what, when, and the unit before and
/// after. The actor is the account id (or client id) of who made the change.
/// </summary>
public sealed class UnitAuditEntry : AuditEntry
{
    public Guid UnitId { get; set; }

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
