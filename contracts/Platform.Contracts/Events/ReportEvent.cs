namespace Platform.Contracts.Events;

/// <summary>A lead unit's monthly report of a task changed state (submitted, returned, accepted).</summary>
public abstract record ReportEvent : TaskUnitEvent
{
    public required string Period { get; init; }

    /// <summary>
    /// The report's version after this change (incremented with every change, in the same transaction): a consumer
    /// holding a higher version ignores this event, so any order of delivery ends in reporting's state.
    /// </summary>
    public int ReportVersion { get; init; }
}
