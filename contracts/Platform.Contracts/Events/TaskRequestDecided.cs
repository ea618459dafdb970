namespace Platform.Contracts.Events;

/// <summary>The district office approved or refused an extension or closure request.</summary>
public sealed record TaskRequestDecided : TaskRequestEvent
{
    public required bool Approved { get; init; }
    public DateOnly? GrantedDeadline { get; init; }
    public string? Comment { get; init; }
    public required string DecidedBy { get; init; }
}
