using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// The dashboard projection: one row per task, period and lead unit with its computed light. Written whenever a report
/// changes and by the clock job as due dates and graces pass; dashboards read only these rows.
/// </summary>
public sealed class TaskLight : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid LeadUnitId { get; set; }

    public required string LeadUnitName { get; set; }

    public required string TaskNumber { get; set; }

    public int TaskOrder { get; set; }

    public string? Category { get; set; }

    public List<string> Indicators { get; set; } = [];

    public DateOnly DueOn { get; set; }

    public Light Light { get; set; }

    /// <summary>
    /// True when first submitted by the due date, false when late or still missing after it, null before it.
    /// </summary>
    public bool? ReportedOnTime { get; set; }

    public ReportStatus? ReportStatus { get; set; }

    public SelfStatus SelfStatus { get; set; }

    public bool Disagreement { get; set; }

    public bool Overdue { get; set; }

    public string? Problems { get; set; }

    public string Reasons { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
