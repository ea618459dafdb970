using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>This service's copy of a published task (from TaskListPublished): what is reported on, by whom.</summary>
public sealed class TrackedTask : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public int Year { get; set; }

    public int ListVersion { get; set; }

    public required string Number { get; set; }

    public int Order { get; set; }

    public string? Category { get; set; }

    public required string Text { get; set; }

    public List<Guid> LeadUnitIds { get; set; } = [];

    public List<string> LeadUnitNames { get; set; } = [];

    public List<Guid> ResponsibleUnitIds { get; set; } = [];

    public List<string> ResponsibleUnitNames { get; set; } = [];

    public DateOnly? Deadline { get; set; }

    /// <summary>The deadline an approved extension (延期) granted.</summary>
    public DateOnly? ExtendedDeadline { get; set; }

    /// <summary>The day the office verified the task's closure (办结); no reports are due after it.</summary>
    public DateOnly? ClosedOn { get; set; }

    public DateOnly? EffectiveDeadline => ExtendedDeadline ?? Deadline;

    public DateOnly? IssuedOn { get; set; }

    public List<TrackedTarget> Targets { get; set; } = [];

    public List<string> Indicators { get; set; } = [];

    /// <summary>False once a later version of the list replaced this one.</summary>
    public bool Active { get; set; } = true;
}
