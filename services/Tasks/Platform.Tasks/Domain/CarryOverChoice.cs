using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

/// <summary>
/// The office's decision for one unfinished task of the closed year, made on one draft of the next year. It can
/// change while that list is a draft; publishing the list fixes it and tells the other services (TaskCarriedOver).
/// </summary>
public sealed class CarryOverChoice : ITenantEntity
{
    /// <summary>A reason is a sentence or two, kept in the record and sent with the event.</summary>
    public const int MaxReasonLength = 500;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>The draft of the next year the decision was made on.</summary>
    public Guid TaskListId { get; set; }

    public Guid FromTaskId { get; set; }

    public CarryOverDecision Decision { get; private set; }

    /// <summary>The draft's task that continues it: the carried copy or the matched task; null when dropped.</summary>
    public Guid? ToTaskId { get; private set; }

    public string? Reason { get; private set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Set when the list was published and the event sent; from then on the decision stands.</summary>
    public DateTimeOffset? FixedAt { get; private set; }

    public void Carry(Guid carriedTaskId) => Set(CarryOverDecision.Carried, carriedTaskId, null);

    public void Match(Guid taskId) => Set(CarryOverDecision.Matched, taskId, null);

    public void Drop(string? reason) => Set(CarryOverDecision.Dropped, null, CheckReason(reason));

    /// <summary>The reason trimmed; refused when empty or longer than <see cref="MaxReasonLength"/>.</summary>
    public static string CheckReason(string? reason)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ValidationException("reason", "请说明不再继续的理由");
        }

        return text.Length > MaxReasonLength
            ? throw new ValidationException("reason", $"理由最多 {MaxReasonLength} 字")
            : text;
    }

    /// <summary>Fixes the decision as the list is published; the event goes out with the publication.</summary>
    public TaskCarriedOver Fix(CarryOverCandidate candidate, int toYear, DateTimeOffset now)
    {
        EnsureOpen();
        FixedAt = now;
        return new TaskCarriedOver
        {
            TenantId = TenantId,
            FromTaskId = FromTaskId,
            FromYear = candidate.FromYear,
            Decision = Decision,
            ToTaskId = ToTaskId,
            ToYear = toYear,
            Reason = Reason,
            DecidedBy = DecidedBy,
            OccurredAt = now,
        };
    }

    private void Set(CarryOverDecision decision, Guid? toTaskId, string? reason)
    {
        EnsureOpen();
        Decision = decision;
        ToTaskId = toTaskId;
        Reason = reason;
    }

    private void EnsureOpen()
    {
        if (FixedAt is not null)
        {
            throw new PreconditionException("该结转决定已随清单发布，不能再更改。");
        }
    }
}
