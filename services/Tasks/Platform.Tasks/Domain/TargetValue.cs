namespace Platform.Tasks.Domain;

public sealed record TargetValue
{
    public required string Text { get; init; }

    public decimal? Value { get; init; }

    public decimal? ValueMin { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public required string Direction { get; init; }

    public string? Grade { get; init; }

    public string? Metric { get; init; }
}
