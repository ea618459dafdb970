namespace Platform.Contracts.Events;

/// <summary>The district office accepted a completion report: its outcome counts in the year's assessment.</summary>
public sealed record CompletionReportAccepted : CompletionReportEvent
{
    /// <summary>完成, 基本完成 or 未完成.</summary>
    public required string Outcome { get; init; }
    public required string AcceptedBy { get; init; }
}
