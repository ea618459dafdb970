namespace Platform.Contracts.Events;

/// <summary>The district office returned a report with a comment.</summary>
public sealed record ReportReturned : ReportEvent
{
    public required string Comment { get; init; }
    public required string ReturnedBy { get; init; }
}
