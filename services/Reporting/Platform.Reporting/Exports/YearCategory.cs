namespace Platform.Reporting.Exports;

/// <summary>A category's tasks by year-end outcome: what the year's chart and table show.</summary>
public sealed record YearCategory(string Name, int Completed, int MostlyCompleted, int NotCompleted, int NotReported)
{
    public int Total => Completed + MostlyCompleted + NotCompleted + NotReported;
}
