namespace Platform.Tasks.Importing;

public sealed record ReportingRule
{
    /// <summary>"monthly", "quarterly", …</summary>
    public required string Cadence { get; init; }

    /// <summary>"month-end", or the day as printed.</summary>
    public required string DueRule { get; init; }

    public string? ReportTo { get; init; }

    public string? SourceText { get; init; }
}
