using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
}

public enum SelfStatus
{
    Unspecified = 0,
    OnTrack = 1,
    AtRisk = 2,
    Behind = 3,
    Done = 4,
}

/// <summary>
/// A lead unit's monthly report on one task. Its workflow: draft → submitted → returned (with a comment) → resubmitted
/// → accepted. A step from the wrong state is refused with the current state named.
/// </summary>
public sealed class ProgressReport : ITenantEntity
{
    public const int MaxTextLength = 5000;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid LeadUnitId { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    public string Progress { get; set; } = string.Empty;

    public string Problems { get; set; } = string.Empty;

    public string Effects { get; set; } = string.Empty;

    public SelfStatus SelfStatus { get; set; }

    public List<decimal?> Actuals { get; set; } = [];

    public string? ReturnComment { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The first submission, kept through returns: what the on-time rate counts.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Edit(string progress, string problems, string effects, SelfStatus self, IReadOnlyList<decimal?> actuals, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException($"The report is {Describe(Status)}; only a draft or a returned report can be edited.");
        }

        Progress = Checked("progress", progress);
        Problems = Checked("problems", problems);
        Effects = Checked("effects", effects);
        SelfStatus = self;
        Actuals = actuals.ToList();
        Touch(now);
    }

    public void Submit(string by, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException($"The report is {Describe(Status)}; only a draft or a returned report can be submitted.");
        }

        if (string.IsNullOrWhiteSpace(Progress))
        {
            throw new ValidationException("progress", "工作进展情况 is required before submitting");
        }

        if (SelfStatus == SelfStatus.Unspecified)
        {
            throw new ValidationException("self_status", "rate the task (on track, at risk, behind or done) before submitting");
        }

        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        FirstSubmittedAt ??= now;
        SubmittedBy = by;
        Touch(now);
    }

    public void Return(string comment, string by, DateTimeOffset now)
    {
        RequireSubmitted("returned");
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 2000)
        {
            throw new ValidationException("comment", "say why the report is returned (1 to 2000 characters)");
        }

        Status = ReportStatus.Returned;
        ReturnComment = comment.Trim();
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
    }

    public void Accept(string by, DateTimeOffset now)
    {
        RequireSubmitted("accepted");
        Status = ReportStatus.Accepted;
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
    }

    public static string Describe(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "a draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Returned => "returned",
        _ => "accepted",
    };

    private void RequireSubmitted(string action)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new PreconditionException($"The report is {Describe(Status)}; only a submitted report can be {action}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static string Checked(string field, string? text)
    {
        text ??= string.Empty;
        return text.Length > MaxTextLength ? throw new ValidationException(field, $"at most {MaxTextLength} characters") : text.Trim();
    }
}

/// <summary>Who changed what, when: one row per change of a report, with the state before and after.</summary>
public sealed class AuditEntry : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public required string Action { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
