namespace Platform.Reporting.Exports;

/// <summary>An unfinished task of the year: its outcome and why, in its lead unit's words where it gave them.</summary>
public sealed record YearLagging(string Number, string Category, string LeadUnits, string Outcome, string Reason);
