namespace Platform.Reporting.Domain.Assessment;

/// <summary>A month a lead unit owed a report of a task: its due date and the first submission, if any.</summary>
public sealed record MonthFact(string TaskNumber, string Period, DateOnly DueOn, DateOnly? FirstSubmittedOn);
