namespace Platform.Tasks.Importing;

public sealed record ParsedCategory
{
    /// <summary>As printed without punctuation: "（一）" → "一".</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> LeadUnits { get; init; } = [];

    public IReadOnlyList<string> ResponsibleUnits { get; init; } = [];

    /// <summary>People named for the category (责任领导：张三): never units.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    /// <summary>Canonical indicators suggested by rule (NDRC 18 names and B-READY topics).</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];
}
