namespace Platform.Reporting.Domain.Assessment;

/// <summary>Everything of a year the assessment counts about one lead unit.</summary>
public sealed record UnitFacts(Guid UnitId, string UnitName)
{
    public IReadOnlyList<MonthFact> Months { get; init; } = [];

    public IReadOnlyList<ReturnFact> Returns { get; init; } = [];

    public IReadOnlyList<TaskFact> Tasks { get; init; } = [];

    public IReadOnlyList<TargetFact> Targets { get; init; } = [];

    public IReadOnlyList<NoticeFact> Notices { get; init; } = [];

    public IReadOnlyList<ExtensionFact> Extensions { get; init; } = [];
}
