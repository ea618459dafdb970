namespace Platform.Contracts.Events;

/// <summary>The district office returned a completion report with a comment.</summary>
public sealed record CompletionReportReturned : CompletionReportEvent
{
    public required string Comment { get; init; }
    public required string ReturnedBy { get; init; }
}
