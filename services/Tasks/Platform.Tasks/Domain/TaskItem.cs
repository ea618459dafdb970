using Platform.Contracts.Events;
using Platform.Tasks.Importing;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

/// <summary>A numbered task of a list with its units, typed targets, deadline and indicators.</summary>
public sealed class TaskItem : ITenantEntity
{
    // What one task may carry: far above any real list, far below abuse.
    private const int MaxLeadUnits = 20;
    private const int MaxResponsibleUnits = 100;
    private const int MaxTargets = 50;
    private const int MaxIndicators = 20;

    // A task of a year's list is due that year or within the following five (multi-year projects), never in 0001.
    private const int MaxDeadlineYears = 5;

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

    /// <summary>The unfinished task of the previous year this one continues (carried or matched), if any.</summary>
    public Guid? CarriedFromTaskId { get; set; }

    public int? CarriedFromYear { get; set; }

    public IEnumerable<TaskUnit> Leads => Units.Where(u => u.Role == UnitRole.Lead).OrderBy(u => u.Order);

    public IEnumerable<TaskUnit> Responsible => Units.Where(u => u.Role == UnitRole.Responsible).OrderBy(u => u.Order);

    /// <summary>The office's own wording of the task.</summary>
    public void Rewrite(string text) =>
        Text = string.IsNullOrWhiteSpace(text) || text.Length > 4000
            ? throw new ValidationException("text", "must be 1 to 4000 characters")
            : text.Trim();

    /// <summary>The task's deadline (none when null), within the list's year and the five after it.</summary>
    public void Reschedule(DateOnly? deadline, int listYear) =>
        Deadline = deadline is { } d && (d.Year < listYear || d.Year > listYear + MaxDeadlineYears)
            ? throw new ValidationException(
                "deadline",
                $"must fall between {listYear} and {listYear + MaxDeadlineYears}")
            : deadline;

    /// <summary>The deadline as the document words it.</summary>
    public void DescribeDeadline(string text) =>
        DeadlineText = text.Length > 200
            ? throw new ValidationException("deadline_text", "at most 200 characters")
            : text;

    /// <summary>The task's targets, each with its text and a direction the importer knows.</summary>
    public void ReplaceTargets(IReadOnlyList<TargetValue> targets)
    {
        if (targets.Any(t => string.IsNullOrWhiteSpace(t.Text) || string.IsNullOrWhiteSpace(t.Direction)))
        {
            throw new ValidationException("targets", "every target needs its text and a direction");
        }

        var directions = Enum.GetNames<TargetDirection>();
        var unknown = targets.FirstOrDefault(t => !directions.Contains(t.Direction, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ValidationException(
                "targets",
                $"direction '{unknown.Direction}' is not one of {string.Join(", ", directions)}");
        }

        CheckCount("targets", targets.Count, MaxTargets);
        Targets = [.. targets];
    }

    /// <summary>The task's indicators, blanks and repeats dropped.</summary>
    public void ReplaceIndicators(IReadOnlyCollection<string> indicators)
    {
        CheckCount("indicators", indicators.Count, MaxIndicators);
        Indicators = indicators.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
    }

    /// <summary>Refuses more lead or responsible units than a task may have, before any is looked up.</summary>
    public static void CheckUnitCounts(int leads, int responsible)
    {
        CheckCount("lead_units", leads, MaxLeadUnits);
        CheckCount("responsible_units", responsible, MaxResponsibleUnits);
    }

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

    private static void CheckCount(string field, int count, int max)
    {
        if (count > max)
        {
            throw new ValidationException(field, $"{count} given; a task has at most {max}");
        }
    }
}
