using Platform.Contracts.Events;

namespace Platform.Tasks.Domain;

/// <summary>
/// The integration event of a published list: written on publication, and again by an operator's replay.
/// </summary>
internal static class TaskListEvents
{
    public static TaskListPublished Published(TaskList list, Guid? supersedes, DateTimeOffset now) => new()
    {
        TenantId = list.TenantId,
        TaskListId = list.Id,
        Year = list.Year,
        Version = list.Version,
        SupersedesTaskListId = supersedes,
        DocNumber = list.DocNumber,
        Title = list.Title,
        IssuedOn = list.IssuedOn,
        ReportingCadence = list.ReportingCadence,
        DueRule = list.DueRule,
        ReportTo = list.ReportTo,
        OccurredAt = now,
        Tasks = list.Tasks.OrderBy(t => t.Order).Select(Published).ToList(),
    };

    private static PublishedTask Published(TaskItem task) => new()
    {
        TaskId = task.Id,
        Number = task.Number,
        Category = task.Category,
        Text = task.Text,

        // Two printed names can resolve to one unit (an alias, a merge): each unit is named once, as lead if it leads.
        LeadUnits = Assigned(task.Leads),
        ResponsibleUnits = Assigned(task.Responsible.Where(u => task.Leads.All(l => l.UnitId != u.UnitId))),
        Deadline = task.Deadline,
        DeadlineText = task.DeadlineText,
        Indicators = task.Indicators,
        CarriedFromTaskId = task.CarriedFromTaskId,
        CarriedFromYear = task.CarriedFromYear,
        Targets = task.Targets.Select(x => new PublishedTarget
        {
            Text = x.Text, Value = x.Value, ValueMin = x.ValueMin, Unit = x.Unit, Baseline = x.Baseline,
            Direction = x.Direction, Grade = x.Grade,
        }).ToList(),
    };

    private static List<AssignedUnit> Assigned(IEnumerable<TaskUnit> units) =>
        units.Select(u => new AssignedUnit(u.UnitId!.Value, u.UnitName ?? u.PrintedName))
            .DistinctBy(u => u.UnitId)
            .ToList();
}
