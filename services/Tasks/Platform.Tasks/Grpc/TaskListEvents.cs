using Platform.Contracts.Events;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Grpc;

/// <summary>The integration event of a published list: written on publication, and again by an operator's replay.</summary>
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
        Tasks = list.Tasks.OrderBy(t => t.Order).Select(t => new PublishedTask
        {
            TaskId = t.Id,
            Number = t.Number,
            Category = t.Category,
            Text = t.Text,
            // Two printed names can resolve to one unit (an alias, a merge): each unit is named once, as lead if it leads.
            LeadUnits = t.Leads.Select(u => new AssignedUnit(u.UnitId!.Value, u.UnitName ?? u.PrintedName)).DistinctBy(u => u.UnitId).ToList(),
            ResponsibleUnits = t.Responsible.Where(u => t.Leads.All(l => l.UnitId != u.UnitId))
                .Select(u => new AssignedUnit(u.UnitId!.Value, u.UnitName ?? u.PrintedName)).DistinctBy(u => u.UnitId).ToList(),
            Deadline = t.Deadline,
            DeadlineText = t.DeadlineText,
            Indicators = t.Indicators,
            Targets = t.Targets.Select(x => new PublishedTarget
            {
                Text = x.Text, Value = x.Value, ValueMin = x.ValueMin, Unit = x.Unit, Baseline = x.Baseline, Direction = x.Direction, Grade = x.Grade,
            }).ToList(),
        }).ToList(),
    };
}
