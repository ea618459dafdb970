namespace Platform.Contracts.Events;

/// <summary>One task of a published list, with its units, targets and canonical indicators.</summary>
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

    /// <summary>The unfinished task of the previous year this one continues (结转), if any.</summary>
    public Guid? CarriedFromTaskId { get; init; }
    public int? CarriedFromYear { get; init; }
}
