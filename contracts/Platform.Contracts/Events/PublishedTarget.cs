namespace Platform.Contracts.Events;

/// <summary>One target of a published task: its words and, when typed, its value, unit and direction.</summary>
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
