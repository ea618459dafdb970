namespace Platform.Contracts.Events;

/// <summary>A lead unit's year-end completion report (年度完成情况) of a task changed state.</summary>
public abstract record CompletionReportEvent : TaskUnitEvent
{
    public required int Year { get; init; }

    /// <summary>The report's version after this change: a consumer holding a higher version ignores it.</summary>
    public int ReportVersion { get; init; }
}
