using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>
/// A lead unit's request about a whole task — an extension (延期) or its closure (办结) — decided by the district
/// office. One pending request of a kind per task; a decided request is never decided again.
/// </summary>
public sealed class TaskRequest : ChangeSource, ITenantEntity
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

    public static TaskRequest Extension(
        TrackedTask task,
        Guid lead,
        string reason,
        DateOnly requested,
        string by,
        DateTimeOffset now)
    {
        var current = task.EffectiveDeadline;
        if (current is { } deadline && requested <= deadline)
        {
            throw new ValidationException(
                "requested_deadline",
                $"must be later than the current deadline {deadline:yyyy-MM-dd}");
        }

        CheckWithinListYears(task, requested, "requested_deadline");
        return New(task, lead, TaskRequestKind.Extension, reason, by, now, r => r.RequestedDeadline = requested);
    }

    public static TaskRequest Closure(
        TrackedTask task,
        Guid lead,
        string reason,
        IReadOnlyList<Guid> evidence,
        string by,
        DateTimeOffset now)
    {
        if (task.ClosedOn is not null)
        {
            throw new PreconditionException($"Task {task.Number} was closed on {task.ClosedOn:yyyy-MM-dd}.");
        }

        if (evidence.Count == 0)
        {
            throw new ValidationException(
                "evidence_ids",
                "a closure needs at least one evidence file (upload it first)");
        }

        return New(
            task,
            lead,
            TaskRequestKind.Closure,
            reason,
            by,
            now,
            r => r.EvidenceIds = evidence.Distinct().ToList());
    }

    /// <summary>
    /// The office's decision; an approved extension moves the deadline, an approved closure closes the task.
    /// </summary>
    public void Decide(
        TrackedTask task,
        bool approve,
        DateOnly? deadline,
        string? comment,
        string by,
        DateTimeOffset now,
        DateOnly today)
    {
        if (Status != TaskRequestStatus.Pending)
        {
            throw new PreconditionException(
                $"The request is already {(Status == TaskRequestStatus.Approved ? "approved" : "refused")}.");
        }

        var before = Snapshot(task);

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
                throw new ValidationException(
                    "deadline",
                    $"must be later than the current deadline {current:yyyy-MM-dd}");
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

        // A new deadline changes the expected pace and a closure turns the task green from now on: every month moves.
        Record(new DomainChange(
            TenantId, TaskId, string.Empty, $"{KindName} {(approve ? "approved" : "refused")}", by, now, before,
            Snapshot(task), new TaskRequestDecided
            {
                TenantId = TenantId, RequestId = Id, TaskId = TaskId, LeadUnitId = LeadUnitId, Kind = Kind.ToString(),
                Approved = approve, GrantedDeadline = GrantedDeadline, Comment = DecisionComment, DecidedBy = by,
                OccurredAt = now,
            },
            MovesLights: approve));
    }

    /// <summary>"extension" or "closure", as the audit trail and messages name the kind.</summary>
    public string KindName => Kind == TaskRequestKind.Extension ? "extension" : "closure";

    /// <summary>The request and the task's deadline and closure as the audit trail keeps them.</summary>
    public string Snapshot(TrackedTask task) => DomainChange.Json(new
    {
        kind = Kind.ToString(), status = Status.ToString(), Reason, RequestedDeadline, GrantedDeadline, EvidenceIds,
        DecisionComment, deadline = task.EffectiveDeadline, closedOn = task.ClosedOn,
    });

    /// <summary>
    /// An extension moves a deadline into the list's year or the next one, never before it (0001-01-01).
    /// </summary>
    private static void CheckWithinListYears(TrackedTask task, DateOnly deadline, string field)
    {
        if (deadline.Year < task.Year || deadline.Year > task.Year + 1)
        {
            throw new ValidationException(field, $"must fall in {task.Year} or {task.Year + 1}");
        }
    }

    private static TaskRequest New(
        TrackedTask task,
        Guid lead,
        TaskRequestKind kind,
        string reason,
        string by,
        DateTimeOffset now,
        Action<TaskRequest> details)
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
        request.Record(new DomainChange(
            task.TenantId,
            task.Id,
            string.Empty,
            $"{request.KindName} requested",
            by,
            now,
            null,
            request.Snapshot(task),
            new TaskRequestSubmitted
            {
                TenantId = task.TenantId, RequestId = request.Id, TaskId = task.Id, LeadUnitId = lead,
                Kind = kind.ToString(),
                RequestedDeadline = request.RequestedDeadline,
                RequestedBy = by,
                OccurredAt = now,
            },
            MovesLights: false));
        return request;
    }
}
