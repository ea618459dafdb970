using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// One task of a district's published list that a unit leads or shares, as the tasks service announced it
/// (TaskListPublished): what the directory needs to tell whether a unit can be retired, and which tasks must be
/// reassigned first. Only the newest published version of each year's list is kept.
/// </summary>
public sealed class UnitAssignment : ITenantEntity
{
    public const int MaxTextLength = 200;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public int Year { get; set; }

    public Guid TaskListId { get; set; }

    public int ListVersion { get; set; }

    public Guid TaskId { get; set; }

    public required string Number { get; set; }

    /// <summary>The task's text, cut to <see cref="MaxTextLength"/> characters.</summary>
    public required string Text { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>Leads the task (reports on it), rather than sharing it as a responsible unit.</summary>
    public bool Lead { get; set; }
}
