namespace Platform.Contracts.Events;

/// <summary>A lead unit asked for an extension (延期) or the closure (办结) of a task.</summary>
public sealed record TaskRequestSubmitted : TaskRequestEvent
{
    public DateOnly? RequestedDeadline { get; init; }
    public required string RequestedBy { get; init; }
}
