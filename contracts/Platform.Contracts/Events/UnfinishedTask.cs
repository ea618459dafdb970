namespace Platform.Contracts.Events;

/// <summary>A task of a closed year that was not completed: what next year's import offers for carrying over.</summary>
public sealed record UnfinishedTask
{
    public required Guid TaskId { get; init; }
    public required string Number { get; init; }
    public string? Category { get; init; }
    public required string Text { get; init; }

    /// <summary>基本完成, 未完成, or 未报 when no completion report was accepted.</summary>
    public required string Outcome { get; init; }
    public IReadOnlyList<AssignedUnit> LeadUnits { get; init; } = [];
    public IReadOnlyList<AssignedUnit> ResponsibleUnits { get; init; } = [];
}
