namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// One deduction explained in Chinese; <see cref="Points"/> is what it took off (0 once its item's cap was reached,
/// <see cref="Capped"/> then says so).
/// </summary>
public sealed record AssessmentReason(AssessmentItemKind Kind, string Text, decimal Points, bool Capped = false);
