namespace Platform.Reporting.Domain;

/// <summary>One task's month with every lead unit's report of it (tracked): what a report call changes.</summary>
public sealed record TaskMonth(TrackedTask Task, ReportingPeriod Period, IReadOnlyList<ProgressReport> Reports);
