namespace Platform.Contracts.Events;

/// <summary>A lead unit submitted (or resubmitted) its monthly report.</summary>
public sealed record ReportSubmitted : ReportEvent
{
    public required string SubmittedBy { get; init; }
}
