using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

/// <summary>
/// One official document of one year, as a draft under review or as a published version. A revised document is a new
/// draft; publishing it archives the version before.
/// </summary>
public sealed class TaskList : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public int Year { get; set; }

    /// <summary>Changed only by <see cref="Publish"/>: a draft is published once, and archived when replaced.</summary>
    public TaskListStatus Status { get; private set; } = TaskListStatus.Draft;

    /// <summary>0 while a draft; 1, 2, … once published.</summary>
    public int Version { get; private set; }

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

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public List<Category> Categories { get; set; } = [];

    public List<TaskItem> Tasks { get; set; } = [];

    public void EnsureDraft(string action)
    {
        if (Status != TaskListStatus.Draft)
        {
            throw new PreconditionException(
                $"Only a draft can be {action}; "
                + $"this list is {Status.ToString().ToLowerInvariant()} (version {Version}).");
        }
    }

    /// <summary>A task of this draft, to edit.</summary>
    public TaskItem DraftTask(string number)
    {
        EnsureDraft("edited");
        return Tasks.SingleOrDefault(t => t.Number == number) ?? throw new NotFoundException("task", number);
    }

    /// <summary>Every place of this draft that prints the name, to be resolved to one directory unit.</summary>
    public IReadOnlyList<TaskUnit> PlacesPrinting(string printedName)
    {
        EnsureDraft("changed");
        var places = Tasks.SelectMany(t => t.Units).Where(u => u.PrintedName == printedName).ToList();
        return places.Count > 0
            ? places
            : throw new ValidationException("printed_name", $"'{printedName}' is not a unit name of this draft");
    }

    /// <summary>Unresolved printed names, each with the tasks that use it.</summary>
    public IReadOnlyList<(string PrintedName, IReadOnlyList<string> TaskNumbers)> UnresolvedUnits() =>
        Tasks.SelectMany(t => t.Units.Where(u => u.UnitId is null).Select(u => (u.PrintedName, t.Number)))
            .GroupBy(x => x.PrintedName)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Number).Distinct().ToList()))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Makes this draft the version in force of its year, numbered after every version of the year so far (archived
    /// ones too, so a number is never given twice), and archives the version it replaces. Refuses while any unit is
    /// unresolved or a task has no lead.
    /// </summary>
    /// <param name="versionsOfYear">
    /// Every list of this district's year (drafts, published, archived); may include this one.
    /// </param>
    /// <returns>The event that tells the other services, to be saved with the change in one transaction.</returns>
    public TaskListPublished Publish(IReadOnlyCollection<TaskList> versionsOfYear, string by, DateTimeOffset now)
    {
        EnsureDraft("published");
        EnsurePublishable();
        if (versionsOfYear.Any(l => l.TenantId != TenantId || l.Year != Year))
        {
            throw new ArgumentException(
                $"Only lists of {TenantId}'s {Year} take part in its versions.",
                nameof(versionsOfYear));
        }

        var current = versionsOfYear.SingleOrDefault(l => l.Status == TaskListStatus.Published);
        Version = versionsOfYear.Select(l => l.Version).DefaultIfEmpty(0).Max() + 1;
        Status = TaskListStatus.Published;
        PublishedAt = now;
        PublishedBy = by;
        current?.Archive();
        return TaskListEvents.Published(this, current?.Id, now);
    }

    /// <summary>What this draft changes against the version in force; with none in force every task is added.</summary>
    public TaskDiff CompareWith(TaskList? published) => TaskListDiff.Compare(published, this);

    private void EnsurePublishable()
    {
        var problems = new List<string>();
        var unresolved = UnresolvedUnits();
        if (unresolved.Count > 0)
        {
            problems.Add("unresolved units: " + string.Join(
                "、",
                unresolved.Select(u => $"{u.PrintedName}（任务 {string.Join(",", u.TaskNumbers)}）")));
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
            throw new PreconditionException(
                "The draft cannot be published yet — " + string.Join("; ", problems) + ".");
        }
    }

    private void Archive() => Status = TaskListStatus.Archived;
}
