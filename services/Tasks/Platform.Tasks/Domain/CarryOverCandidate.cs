using Platform.Contracts.Events;
using Platform.MultiTenancy;

namespace Platform.Tasks.Domain;

/// <summary>
/// An unfinished task of a closed year (YearClosed), offered to the next year's drafts for carrying over (结转). Stored
/// once per task: the same event again, or a later closing of the same year, adds nothing already here.
/// </summary>
public sealed class CarryOverCandidate : ITenantEntity
{
    /// <summary>The unfinished task's id in the closed year's list.</summary>
    public Guid FromTaskId { get; set; }

    public required string TenantId { get; set; }

    public int FromYear { get; set; }

    public required string Number { get; set; }

    public string? Category { get; set; }

    public required string Text { get; set; }

    /// <summary>基本完成, 未完成 or 未报, as the year's closing found it.</summary>
    public required string Outcome { get; set; }

    public List<AssignedUnit> LeadUnits { get; set; } = [];

    public List<AssignedUnit> ResponsibleUnits { get; set; } = [];

    public DateTimeOffset ReceivedAt { get; set; }
}
