using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// One change the district office can look back on: who did what, when, and the thing before and after as JSON.
/// The subject (an account, a unit) is the derived entry's own column.
/// </summary>
public abstract class AuditEntry : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Action { get; set; }

    /// <summary>Who made the change, as the derived entry names it.</summary>
    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The subject as JSON (jsonb), null for a new one.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }
}
