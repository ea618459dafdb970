using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>
/// A lead unit's monthly report on one task. Its workflow: draft → submitted → returned (with a comment) → resubmitted
/// → accepted. A step from the wrong state is refused with the current state named.
/// </summary>
public sealed class ProgressReport : ChangeSource, ITenantEntity
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

    public void Edit(
        string progress, string problems, string effects, SelfStatus self, IReadOnlyList<decimal?> actuals, string by,
        DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException(
                $"The report is {Describe(Status)}; only a draft or a returned report can be edited.");
        }

        var before = Version == 0 ? null : Snapshot();
        Progress = Checked("progress", progress);
        Problems = Checked("problems", problems);
        Effects = Checked("effects", effects);
        SelfStatus = self;
        Actuals = actuals.ToList();
        Touch(now);
        Changed("saved", before, by, now, null);
    }

    public void Submit(string by, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new PreconditionException(
                $"The report is {Describe(Status)}; only a draft or a returned report can be submitted.");
        }

        if (string.IsNullOrWhiteSpace(Progress))
        {
            throw new ValidationException("progress", "工作进展情况 is required before submitting");
        }

        if (SelfStatus == SelfStatus.Unspecified)
        {
            throw new ValidationException(
                "self_status",
                "rate the task (on track, at risk, behind or done) before submitting");
        }

        var before = Snapshot();
        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        FirstSubmittedAt ??= now;
        SubmittedBy = by;
        Touch(now);
        Changed("submitted", before, by, now, new ReportSubmitted
        {
            TenantId = TenantId, TaskId = TaskId, Period = Period, LeadUnitId = LeadUnitId, SubmittedBy = by,
            ReportVersion = Version, OccurredAt = now,
        });
    }

    public void Return(string comment, string by, DateTimeOffset now)
    {
        RequireSubmitted("returned");
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 2000)
        {
            throw new ValidationException("comment", "say why the report is returned (1 to 2000 characters)");
        }

        var before = Snapshot();
        Status = ReportStatus.Returned;
        ReturnComment = comment.Trim();
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
        Changed("returned", before, by, now, new ReportReturned
        {
            TenantId = TenantId, TaskId = TaskId, Period = Period, LeadUnitId = LeadUnitId, Comment = ReturnComment,
            ReturnedBy = by, ReportVersion = Version, OccurredAt = now,
        });
    }

    public void Accept(string by, DateTimeOffset now)
    {
        RequireSubmitted("accepted");
        var before = Snapshot();
        Status = ReportStatus.Accepted;
        ReviewedAt = now;
        ReviewedBy = by;
        Touch(now);
        Changed("accepted", before, by, now, new ReportAccepted
        {
            TenantId = TenantId, TaskId = TaskId, Period = Period, LeadUnitId = LeadUnitId, AcceptedBy = by,
            ReportVersion = Version, OccurredAt = now,
        });
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
            throw new PreconditionException(
                $"The report is {Describe(Status)}; only a submitted report can be {action}.");
        }
    }

    /// <summary>The report as the audit trail keeps it before and after each change.</summary>
    public string Snapshot() => DomainChange.Json(new
    {
        status = Status.ToString(),
        Progress,
        Problems,
        Effects,
        selfStatus = SelfStatus.ToString(),
        Actuals,
        ReturnComment,
    });

    /// <summary>Every change of a report moves its month's light.</summary>
    private void Changed(string action, string? before, string by, DateTimeOffset now, object? published) =>
        Record(new DomainChange(
            TenantId,
            TaskId,
            Period,
            action,
            by,
            now,
            before,
            Snapshot(),
            published,
            MovesLights: true));

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static string Checked(string field, string? text)
    {
        text ??= string.Empty;
        return text.Length > MaxTextLength
            ? throw new ValidationException(field, $"at most {MaxTextLength} characters")
            : text.Trim();
    }
}
