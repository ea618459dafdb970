using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests.Domain;

/// <summary>Lists, tasks and units built in memory, as an import leaves them, for the domain's own tests.</summary>
internal static class DomainLists
{
    public const string District = "500103";

    public static TaskList Draft(params TaskItem[] tasks)
    {
        var list = new TaskList
        {
            Id = Guid.NewGuid(),
            TenantId = District,
            Year = 2023,
            SourceFileName = "2023任务清单.docx",
            SourceSha256 = new string('0', 64),
            CreatedBy = "office",
        };
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i].TaskListId = list.Id;
            tasks[i].TaskList = list;
            tasks[i].Order = i;
        }

        list.Tasks = [.. tasks];
        return list;
    }

    public static TaskItem Item(string number, params TaskUnit[] units)
    {
        var task = new TaskItem { Id = Guid.NewGuid(), TenantId = District, Number = number, Text = "任务" + number };
        foreach (var unit in units)
        {
            unit.TaskItemId = task.Id;
            unit.Order = task.Units.Count;
            task.Units.Add(unit);
        }

        return task;
    }

    public static TaskUnit Lead(string name, Guid? unitId = null) =>
        Unit(UnitRole.Lead, name, unitId ?? Guid.NewGuid());

    public static TaskUnit Responsible(string name, Guid? unitId = null, bool resolved = true) =>
        Unit(UnitRole.Responsible, name, resolved ? unitId ?? Guid.NewGuid() : null);

    public static TaskUnit Unit(UnitRole role, string name, Guid? unitId) => new()
    {
        TenantId = District,
        Role = role,
        PrintedName = name,
        UnitId = unitId,
        UnitName = unitId is null ? null : name,
    };
}
