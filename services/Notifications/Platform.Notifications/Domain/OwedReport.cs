using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// One report a lead unit owes: a task, a month and the lead unit, with its due date and whether it is still open.
/// Built from TaskListPublished and kept current by the report events; the supervision ladder reads only these rows.
/// </summary>
public sealed class OwedReport : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public Guid TaskId { get; set; }

    public required string TaskNumber { get; set; }

    public int TaskOrder { get; set; }

    public required string TaskText { get; set; }

    public Guid LeadUnitId { get; set; }

    public required string LeadUnitName { get; set; }

    public required string Period { get; set; }

    public DateOnly DueOn { get; set; }

    public ItemState State { get; set; } = ItemState.Open;

    /// <summary>
    /// The version of reporting's report that <see cref="State"/> reflects (0: no report event seen yet).
    /// </summary>
    public int ReportVersion { get; set; }

    /// <summary>
    /// The version of the published list this row came from: an older version arriving late changes nothing.
    /// </summary>
    public int ListVersion { get; set; }

    public bool Active { get; set; } = true;
}
