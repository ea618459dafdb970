using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>
/// A lead unit's year-end completion report (年度完成情况) of one task: its outcome, the final value of each typed
/// target, a summary and evidence. Reviewed by the office like a monthly report: draft → submitted → returned →
/// resubmitted → accepted. A step from the wrong state is refused with the current state named; each step is recorded
/// as a <see cref="DomainChange"/> under the period "{year}-YE" (its audit row and, for the workflow steps, its event).
/// </summary>
public sealed class CompletionReport : ChangeSource, ITenantEntity
{
    public const int MaxSummaryLength = 5000;

    public const int MaxCommentLength = 2000;

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

    public string Period => CompletionPeriod.Of(Year);

    /// <summary>
    /// Saves the lead unit's draft (or a returned report being corrected): outcome, summary and one final value per
    /// typed target of the task (<paramref name="targets"/>).
    /// </summary>
    public void Edit(
        CompletionOutcome outcome,
        string? summary,
        IReadOnlyList<decimal?> finalValues,
        int targets,
        string by,
        DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException(
                $"年度完成情况{Describe(Status)}，只有草稿或被退回的报告可以修改 "
                + $"(the completion report is {ProgressReport.Describe(Status)}; "
                + "only a draft or a returned report can be edited).");
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new ValidationException("outcome", "完成、基本完成或未完成 (completed, mostly completed or not completed)");
        }

        summary ??= string.Empty;
        if (summary.Length > MaxSummaryLength)
        {
            throw new ValidationException("summary", $"最多{MaxSummaryLength}字 (at most {MaxSummaryLength} characters)");
        }

        if (finalValues.Count > targets)
        {
            throw new ValidationException(
                "final_values", $"任务有{targets}个量化目标 (the task has {targets} typed targets)");
        }

        var before = Version == 0 ? null : Snapshot();
        Outcome = outcome;
        Summary = summary.Trim();
        FinalValues = [.. finalValues, .. Enumerable.Repeat<decimal?>(null, targets - finalValues.Count)];
        Touch(now);
        Changed("completion saved", before, by, now, null);
    }

    public void Submit(string by, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException(
                $"年度完成情况{Describe(Status)}，只有草稿或被退回的报告可以报送 "
                + $"(the completion report is {ProgressReport.Describe(Status)}; "
                + "only a draft or a returned report can be submitted).");
        }

        if (Outcome == CompletionOutcome.None)
        {
            throw new ValidationException(
                "outcome", "报送前请选择完成、基本完成或未完成 (choose the outcome before submitting)");
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            throw new ValidationException("summary", "报送前请填写完成情况说明 (the summary is required before submitting)");
        }

        var before = Snapshot();
        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = by;
        Touch(now);
        Changed("completion submitted", before, by, now, new CompletionReportSubmitted
        {
            TenantId = TenantId, TaskId = TaskId, LeadUnitId = LeadUnitId, Year = Year, ReportVersion = Version,
            Outcome = Wording.Outcome(Outcome), SubmittedBy = by, OccurredAt = now,
        });
    }

    public void Return(string? comment, string by, DateTimeOffset now)
    {
        RequireSubmitted("退回", "returned");
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > MaxCommentLength)
        {
            throw new ValidationException(
                "comment", $"请说明退回理由（1至{MaxCommentLength}字） (say why, 1 to {MaxCommentLength} characters)");
        }

        var before = Snapshot();
        Status = ReportStatus.Returned;
        ReturnComment = comment.Trim();
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
        Changed("completion returned", before, by, now, new CompletionReportReturned
        {
            TenantId = TenantId, TaskId = TaskId, LeadUnitId = LeadUnitId, Year = Year, ReportVersion = Version,
            Comment = ReturnComment, ReturnedBy = by, OccurredAt = now,
        });
    }

    public void Accept(string by, DateTimeOffset now)
    {
        RequireSubmitted("审核通过", "accepted");
        var before = Snapshot();
        Status = ReportStatus.Accepted;
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
        Changed("completion accepted", before, by, now, new CompletionReportAccepted
        {
            TenantId = TenantId, TaskId = TaskId, LeadUnitId = LeadUnitId, Year = Year, ReportVersion = Version,
            Outcome = Wording.Outcome(Outcome), AcceptedBy = by, OccurredAt = now,
        });
    }

    /// <summary>The report as the audit trail keeps it before and after each change.</summary>
    public string Snapshot() => DomainChange.Json(new
    {
        status = Status.ToString(),
        outcome = Outcome.ToString(),
        Summary,
        FinalValues,
        ReturnComment,
    });

    private static string Describe(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "为草稿",
        ReportStatus.Submitted => "已报送",
        ReportStatus.Returned => "已退回",
        _ => "已审核通过",
    };

    private void RequireSubmitted(string chinese, string english)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new PreconditionException(
                $"年度完成情况{Describe(Status)}，只有已报送的报告可以{chinese} "
                + $"(the completion report is {ProgressReport.Describe(Status)}; "
                + $"only a submitted report can be {english}).");
        }
    }

    /// <summary>A completion report moves no month's light: its changes are audited and published only.</summary>
    private void Changed(string action, string? before, string by, DateTimeOffset now, object? published) =>
        Record(new DomainChange(TenantId, TaskId, Period, action, by, now, before, Snapshot(), published, false));

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
