namespace Platform.Reporting.Domain.Assessment;

/// <summary>How many times the office returned a unit's report of a task for a month.</summary>
public sealed record ReturnFact(string TaskNumber, string Period, int Count);
