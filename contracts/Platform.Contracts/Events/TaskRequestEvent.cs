namespace Platform.Contracts.Events;

/// <summary>A lead unit's request for an extension (延期) or the closure (办结) of a task, asked or decided.</summary>
public abstract record TaskRequestEvent : TaskUnitEvent
{
    public required Guid RequestId { get; init; }

    /// <summary>"Extension" or "Closure".</summary>
    public required string Kind { get; init; }
}
