namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// The year's facts of a district: per lead unit, with the day they are judged on (China time) and the district's
/// grace period, which decide whether a month without a report is already missing.
/// </summary>
public sealed record AssessmentFacts(int Year, DateOnly Today, int GraceDays, IReadOnlyList<UnitFacts> Units);
