namespace Platform.Contracts.Events;

/// <summary>The district office accepted a report.</summary>
public sealed record ReportAccepted : ReportEvent
{
    public required string AcceptedBy { get; init; }
}
