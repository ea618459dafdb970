namespace Platform.Tasks.Domain;

/// <summary>
/// What a revised draft changes against the published version: tasks matched by their number. With no version in
/// force, every task of the draft is added.
/// </summary>
public static class TaskListDiff
{
    public static TaskDiff Compare(TaskList? published, TaskList draft)
    {
        var publishedTasks = published?.Tasks ?? [];
        var before = publishedTasks.ToDictionary(t => t.Number);
        var after = draft.Tasks.ToDictionary(t => t.Number);
        var fresh = draft.Tasks.Where(t => !before.ContainsKey(t.Number)).OrderBy(t => t.Order).ToList();
        var added = fresh.Where(t => t.CarriedFromTaskId is null).ToList();
        var carried = fresh.Where(t => t.CarriedFromTaskId is not null).ToList();
        var removed = publishedTasks.Where(t => !after.ContainsKey(t.Number)).OrderBy(t => t.Order).ToList();
        var changed = new List<(TaskItem, TaskItem, IReadOnlyList<string>)>();
        foreach (var task in draft.Tasks.OrderBy(t => t.Order))
        {
            if (!before.TryGetValue(task.Number, out var old))
            {
                continue;
            }

            var fields = new List<string>();
            if (old.Text != task.Text)
            {
                fields.Add("text");
            }

            if (!Names(old.Leads).SequenceEqual(Names(task.Leads)))
            {
                fields.Add("lead_units");
            }

            if (!Names(old.Responsible).SequenceEqual(Names(task.Responsible)))
            {
                fields.Add("responsible_units");
            }

            if (old.Deadline != task.Deadline || old.DeadlineText != task.DeadlineText)
            {
                fields.Add("deadline");
            }

            if (!old.Targets.SequenceEqual(task.Targets))
            {
                fields.Add("targets");
            }

            if (old.Category != task.Category)
            {
                fields.Add("category");
            }

            if (fields.Count > 0)
            {
                changed.Add((old, task, fields));
            }
        }

        return new TaskDiff(added, removed, changed, carried);
    }

    private static IEnumerable<string> Names(IEnumerable<TaskUnit> units) =>
        units.Select(u => u.UnitName ?? u.PrintedName);
}
