namespace Platform.Reporting.Domain;

public sealed record TrackedTarget
{
    public required string Text { get; init; }

    public decimal? Value { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public required string Direction { get; init; }
}
