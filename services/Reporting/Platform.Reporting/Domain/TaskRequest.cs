using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

public enum TaskRequestKind
{
    /// <summary>延期申请: a later deadline.</summary>
    Extension = 1,

    /// <summary>办结: the task is done, with evidence, for the office to verify.</summary>
    Closure = 2,
}

public enum TaskRequestStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>
/// A lead unit's request about a whole task — an extension (延期) or its closure (办结) — decided by the district
/// office. One pending request of a kind per task; a decided request is never decided again.
/// </summary>
public sealed class TaskRequest : ITenantEntity
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public Guid LeadUnitId { get; set; }

    public TaskRequestKind Kind { get; set; }

    public TaskRequestStatus Status { get; set; } = TaskRequestStatus.Pending;

    public required string Reason { get; set; }

    /// <summary>The deadline the unit asks for (extensions).</summary>
    public DateOnly? RequestedDeadline { get; set; }

    /// <summary>The deadline the office granted, which may differ from the one asked for.</summary>
    public DateOnly? GrantedDeadline { get; set; }

    public List<Guid> EvidenceIds { get; set; } = [];

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionComment { get; set; }

    public static TaskRequest Extension(TrackedTask task, Guid lead, string reason, DateOnly requested, string by, DateTimeOffset now)
    {
        var current = task.EffectiveDeadline;
        if (current is { } deadline && requested <= deadline)
        {
            throw new ValidationException("requested_deadline", $"must be later than the current deadline {deadline:yyyy-MM-dd}");
        }

        CheckWithinListYears(task, requested, "requested_deadline");
        return New(task, lead, TaskRequestKind.Extension, reason, by, now, r => r.RequestedDeadline = requested);
    }

    public static TaskRequest Closure(TrackedTask task, Guid lead, string reason, IReadOnlyList<Guid> evidence, string by, DateTimeOffset now)
    {
        if (task.ClosedOn is not null)
        {
            throw new PreconditionException($"Task {task.Number} was closed on {task.ClosedOn:yyyy-MM-dd}.");
        }

        if (evidence.Count == 0)
        {
            throw new ValidationException("evidence_ids", "a closure needs at least one evidence file (upload it first)");
        }

        return New(task, lead, TaskRequestKind.Closure, reason, by, now, r => r.EvidenceIds = evidence.Distinct().ToList());
    }

    /// <summary>The office's decision; an approved extension moves the deadline, an approved closure closes the task.</summary>
    public void Decide(TrackedTask task, bool approve, DateOnly? deadline, string? comment, string by, DateTimeOffset now, DateOnly today)
    {
        if (Status != TaskRequestStatus.Pending)
        {
            throw new PreconditionException($"The request is already {(Status == TaskRequestStatus.Approved ? "approved" : "refused")}.");
        }

        if (comment is { Length: > MaxTextLength })
        {
            throw new ValidationException("comment", $"at most {MaxTextLength} characters");
        }

        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new ValidationException("comment", "say why the request is refused");
        }

        if (approve && Kind == TaskRequestKind.Extension)
        {
            var granted = deadline ?? RequestedDeadline!.Value;
            CheckWithinListYears(task, granted, "deadline");
            if (task.EffectiveDeadline is { } current && granted <= current)
            {
                throw new ValidationException("deadline", $"must be later than the current deadline {current:yyyy-MM-dd}");
            }

            GrantedDeadline = granted;
            task.ExtendedDeadline = granted;
        }
        else if (approve)
        {
            task.ClosedOn = today;
        }

        Status = approve ? TaskRequestStatus.Approved : TaskRequestStatus.Refused;
        DecidedBy = by;
        DecidedAt = now;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    /// <summary>An extension moves a deadline into the list's year or the next one, never before it (0001-01-01).</summary>
    private static void CheckWithinListYears(TrackedTask task, DateOnly deadline, string field)
    {
        if (deadline.Year < task.Year || deadline.Year > task.Year + 1)
        {
            throw new ValidationException(field, $"must fall in {task.Year} or {task.Year + 1}");
        }
    }

    private static TaskRequest New(
        TrackedTask task, Guid lead, TaskRequestKind kind, string reason, string by, DateTimeOffset now, Action<TaskRequest> details)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTextLength)
        {
            throw new ValidationException("reason", $"say why (1 to {MaxTextLength} characters)");
        }

        var request = new TaskRequest
        {
            Id = Guid.CreateVersion7(), TenantId = task.TenantId, TaskId = task.Id, LeadUnitId = lead, Kind = kind,
            Reason = reason.Trim(), RequestedBy = by, RequestedAt = now,
        };
        details(request);
        return request;
    }
}

/// <summary>A responsible unit's part of a month's report (报一次、用多次): it pre-fills the lead unit's draft.</summary>
public sealed class Contribution : ITenantEntity
{
    public const int MaxTextLength = 3000;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid UnitId { get; set; }

    public required string UnitName { get; set; }

    public string Text { get; set; } = string.Empty;

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file proving progress or completion: stored with its hash, size-limited and type-checked.</summary>
public sealed class Evidence : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public string? Period { get; set; }

    public Guid? UnitId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
