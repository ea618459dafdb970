namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// A task a unit leads, at year's end: the outcome of its accepted completion report (None when none was accepted)
/// and whether its closure (办结) was verified during the year.
/// </summary>
public sealed record TaskFact(string TaskNumber, CompletionOutcome Outcome, bool ClosureVerified);
