using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>Who changed what, when: one row per change of a report, with the state before and after.</summary>
public sealed class AuditEntry : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public required string Action { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
