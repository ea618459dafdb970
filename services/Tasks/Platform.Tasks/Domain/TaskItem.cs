using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

/// <summary>A numbered task of a list with its units, typed targets, deadline and indicators.</summary>
public sealed class TaskItem : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public TaskList? TaskList { get; set; }

    public required string Number { get; set; }

    public int Order { get; set; }

    public string? Category { get; set; }

    public required string Text { get; set; }

    public DateOnly? Deadline { get; set; }

    public string? DeadlineText { get; set; }

    public List<string> Indicators { get; set; } = [];

    public List<TargetValue> Targets { get; set; } = [];

    public int SourceLine { get; set; }

    public List<TaskUnit> Units { get; set; } = [];

    public List<TaskSignature> Signatures { get; set; } = [];

    public IEnumerable<TaskUnit> Leads => Units.Where(u => u.Role == UnitRole.Lead).OrderBy(u => u.Order);

    public IEnumerable<TaskUnit> Responsible => Units.Where(u => u.Role == UnitRole.Responsible).OrderBy(u => u.Order);

    /// <summary>
    /// A lead unit takes the task on: only a task of the version in force, only by a unit that leads it. Signing twice
    /// changes nothing and raises nothing.
    /// </summary>
    /// <returns>The event to save with the signature, or null when the unit had signed already.</returns>
    public TaskSignedFor? SignFor(Guid unitId, string by, DateTimeOffset now)
    {
        var list = TaskList ?? throw new InvalidOperationException("Load the task with its list to sign for it.");
        if (list.Status != TaskListStatus.Published)
        {
            throw new PreconditionException(
                "Only a task of a published list can be signed for; "
                + $"this list is {list.Status.ToString().ToLowerInvariant()}.");
        }

        if (!Leads.Any(u => u.UnitId == unitId))
        {
            throw new ForbiddenException(
                $"Task {Number} is led by {string.Join("、", Leads.Select(u => u.UnitName ?? u.PrintedName))}, "
                + "not by your unit.");
        }

        if (Signatures.Any(s => s.UnitId == unitId))
        {
            return null;
        }

        Signatures.Add(new TaskSignature
        {
            TenantId = TenantId,
            TaskItemId = Id,
            UnitId = unitId,
            SignedBy = by,
            SignedAt = now,
        });
        return new TaskSignedFor
        {
            TenantId = TenantId,
            TaskId = Id,
            TaskListId = TaskListId,
            Number = Number,
            UnitId = unitId,
            SignedBy = by,
            OccurredAt = now,
        };
    }
}
