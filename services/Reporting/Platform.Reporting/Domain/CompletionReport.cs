using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// A lead unit's year-end completion report (年度完成情况) of one task: its outcome, the final value of each typed
/// target, a summary and evidence. Reviewed by the office like a monthly report: draft → submitted → returned →
/// resubmitted → accepted.
/// </summary>
public sealed class CompletionReport : ChangeSource, ITenantEntity
{
    public const int MaxSummaryLength = 5000;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public int Year { get; set; }

    public Guid LeadUnitId { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    public CompletionOutcome Outcome { get; set; }

    public string Summary { get; set; } = string.Empty;

    /// <summary>The final value of each of the task's targets, in target order; null where not reported.</summary>
    public List<decimal?> FinalValues { get; set; } = [];

    /// <summary>True when the draft was pre-filled as 完成: the task's closure was verified during the year.</summary>
    public bool PrefilledFromClosure { get; set; }

    public string? ReturnComment { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
