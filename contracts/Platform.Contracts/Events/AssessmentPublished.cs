namespace Platform.Contracts.Events;

/// <summary>The district office applied an assessment rule set (考核) to a year: every lead unit's score.</summary>
public sealed record AssessmentPublished : ITenantScoped
{
    public required string TenantId { get; init; }
    public required int Year { get; init; }
    public required int RuleVersion { get; init; }

    /// <summary>True once the year is closed: the scores are frozen with this rule version.</summary>
    public bool Final { get; init; }
    public IReadOnlyList<UnitScore> Scores { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
}
