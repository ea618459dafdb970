using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

public enum TaskListStatus
{
    Draft = 1,
    Published = 2,
    Archived = 3,
}

public enum UnitRole
{
    Lead = 1,
    Responsible = 2,
}

/// <summary>
/// One official document of one year, as a draft under review or as a published version. A revised document is a new
/// draft; publishing it archives the version before.
/// </summary>
public sealed class TaskList : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public int Year { get; set; }

    public TaskListStatus Status { get; set; } = TaskListStatus.Draft;

    /// <summary>0 while a draft; 1, 2, … once published.</summary>
    public int Version { get; set; }

    public string? DocNumber { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Title { get; set; }

    public string? ReportingCadence { get; set; }

    public string? DueRule { get; set; }

    public string? ReportTo { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public required string SourceFileName { get; set; }

    public required string SourceSha256 { get; set; }

    public List<ImportWarning> Warnings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<Category> Categories { get; set; } = [];

    public List<TaskItem> Tasks { get; set; } = [];

    public void EnsureDraft(string action)
    {
        if (Status != TaskListStatus.Draft)
        {
            throw new PreconditionException($"Only a draft can be {action}; this list is {Status.ToString().ToLowerInvariant()} (version {Version}).");
        }
    }

    /// <summary>Unresolved printed names, each with the tasks that use it.</summary>
    public IReadOnlyList<(string PrintedName, IReadOnlyList<string> TaskNumbers)> UnresolvedUnits() =>
        Tasks.SelectMany(t => t.Units.Where(u => u.UnitId is null).Select(u => (u.PrintedName, t.Number)))
            .GroupBy(x => x.PrintedName)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Number).Distinct().ToList()))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Makes this draft version <paramref name="version"/>; refuses while any unit is unresolved or a task has no lead.</summary>
    public void Publish(int version, string by, DateTimeOffset now)
    {
        EnsureDraft("published");
        var problems = new List<string>();
        var unresolved = UnresolvedUnits();
        if (unresolved.Count > 0)
        {
            problems.Add("unresolved units: " + string.Join("、", unresolved.Select(u => $"{u.PrintedName}（任务 {string.Join(",", u.TaskNumbers)}）")));
        }

        var leaderless = Tasks.Where(t => t.Units.All(u => u.Role != UnitRole.Lead)).Select(t => t.Number).ToList();
        if (leaderless.Count > 0)
        {
            problems.Add("tasks without a lead unit: " + string.Join(", ", leaderless));
        }

        if (Tasks.Count == 0)
        {
            problems.Add("the list has no task");
        }

        if (problems.Count > 0)
        {
            throw new PreconditionException("The draft cannot be published yet — " + string.Join("; ", problems) + ".");
        }

        Status = TaskListStatus.Published;
        Version = version;
        PublishedAt = now;
        PublishedBy = by;
    }

    public void Archive() => Status = TaskListStatus.Archived;
}

public sealed class Category : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public required string Number { get; set; }

    public required string Title { get; set; }

    public int Order { get; set; }

    public List<string> Indicators { get; set; } = [];

    public List<string> LeadUnitNames { get; set; } = [];

    public List<string> ResponsibleUnitNames { get; set; } = [];
}

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
}

/// <summary>A unit named by a task, as printed, and the directory unit it resolved to (null while unresolved).</summary>
public sealed class TaskUnit : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskItemId { get; set; }

    public UnitRole Role { get; set; }

    public int Order { get; set; }

    public required string PrintedName { get; set; }

    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }
}

public sealed class TaskSignature : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskItemId { get; set; }

    public Guid UnitId { get; set; }

    public required string SignedBy { get; set; }

    public DateTimeOffset SignedAt { get; set; }
}

public sealed record TargetValue
{
    public required string Text { get; init; }

    public decimal? Value { get; init; }

    public decimal? ValueMin { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public required string Direction { get; init; }

    public string? Grade { get; init; }

    public string? Metric { get; init; }
}

public sealed record ImportWarning
{
    public required string Code { get; init; }

    public required string Message { get; init; }

    public int? Line { get; init; }

    public string? SourceText { get; init; }
}

/// <summary>
/// The newest state of a directory unit this service was told of (UnitChanged), by the directory's own version: an older
/// event arriving late (another queue, a redelivery, a replay) does not bring back an old name.
/// </summary>
public sealed class KnownUnit : ITenantEntity
{
    public Guid UnitId { get; set; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    public Guid? MergedIntoId { get; set; }
}
