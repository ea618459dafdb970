namespace Platform.Contracts.Events;

/// <summary>A district published a version of its annual list; every task with its assignments.</summary>
public sealed record TaskListPublished : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskListId { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }
    public Guid? SupersedesTaskListId { get; init; }
    public string? DocNumber { get; init; }
    public string? Title { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? ReportingCadence { get; init; }
    public string? DueRule { get; init; }
    public string? ReportTo { get; init; }
    public IReadOnlyList<PublishedTask> Tasks { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
}

public sealed record PublishedTask
{
    public required Guid TaskId { get; init; }
    public required string Number { get; init; }
    public string? Category { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<AssignedUnit> LeadUnits { get; init; } = [];
    public IReadOnlyList<AssignedUnit> ResponsibleUnits { get; init; } = [];
    public DateOnly? Deadline { get; init; }
    public string? DeadlineText { get; init; }
    public IReadOnlyList<PublishedTarget> Targets { get; init; } = [];
    public IReadOnlyList<string> Indicators { get; init; } = [];
}

public sealed record AssignedUnit(Guid UnitId, string Name);

public sealed record PublishedTarget
{
    public required string Text { get; init; }
    public decimal? Value { get; init; }
    public decimal? ValueMin { get; init; }
    public string? Unit { get; init; }
    public decimal? Baseline { get; init; }
    public required string Direction { get; init; }
    public string? Grade { get; init; }
}
