namespace Platform.Reporting.Domain.Assessment;

/// <summary>A unit's score, its place in the ranking (ties share it) and every deduction behind it.</summary>
public sealed record UnitAssessment(
    Guid UnitId,
    string UnitName,
    decimal Score,
    int Rank,
    IReadOnlyList<AssessmentReason> Reasons);
