namespace Platform.Contracts.Events;

/// <summary>One lead unit's assessment score of a year, with its place in the district's ranking.</summary>
public sealed record UnitScore
{
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required decimal Score { get; init; }
    public required int Rank { get; init; }

    /// <summary>How many deductions (and additions) explain the score; the reasons are read from the service.</summary>
    public int ReasonCount { get; init; }
}
