namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// One item of a rule set: the points deducted per occurrence (the weight for
/// <see cref="AssessmentItemKind.OnTimeShare"/>), the most it may deduct in all (null: no cap), and whether it counts.
/// </summary>
public sealed record AssessmentItem(AssessmentItemKind Kind, decimal Points, decimal? Cap, bool Enabled = true);
