namespace Platform.Contracts.Events;

/// <summary>A lead unit submitted its completion report of a task to the district office.</summary>
public sealed record CompletionReportSubmitted : CompletionReportEvent
{
    /// <summary>完成, 基本完成 or 未完成.</summary>
    public required string Outcome { get; init; }
    public required string SubmittedBy { get; init; }
}
