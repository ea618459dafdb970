using Microsoft.AspNetCore.Mvc;
using TasksV1 = Platform.Contracts.Tasks.V1;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// The import wizard's review: what the parser found (categories, tasks, targets, warnings), the unit names the
/// directory does not know (map each to a unit or create it), the tasks to edit, the differences from the published
/// version, and publication.
/// </summary>
public sealed class DraftModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public TasksV1.TaskList List { get; private set; } = null!;
    public IReadOnlyList<UnitsV1.Unit> Units { get; private set; } = [];
    public TasksV1.DiffTaskListResponse? Diff { get; private set; }
    public Paged<TasksV1.Task> Tasks { get; private set; } = null!;

    public bool IsDraft => List.Status == TasksV1.TaskListStatus.Draft;

    /// <summary>The notice's reporting rule in its words ("每月 · 月底前 · 报区营商办"), or a dash.</summary>
    public string ReportingRule => List.Notice is { } notice
        ? Display.Reporting(notice.ReportingCadence, notice.DueRule, notice.ReportTo)
        : "—";

    /// <summary>The list's state as its heading shows it: a draft, or the version published or archived.</summary>
    public string StatusText => IsDraft
        ? "草稿"
        : $"第 {List.Version} 版 · {(List.Status == TasksV1.TaskListStatus.Published ? "已发布" : "已归档")}";

    public async Task OnGetAsync()
    {
        var options = await AsMe();
        List = await Api.Tasks.GetTaskListAsync(new TasksV1.GetTaskListRequest { Id = Id }, options);
        if (IsDraft)
        {
            Units = (await Api.Units.ListUnitsAsync(new UnitsV1.ListUnitsRequest { PageSize = 500 }, options)).Units
                .OrderBy(u => u.Name)
                .ToList();
            Diff = await Api.Tasks.DiffTaskListAsync(new TasksV1.DiffTaskListRequest { Id = Id }, options);
        }

        Tasks = Listing.Page(List.Tasks.Where(t => Listing.Matches(Q, t.Text, t.Number)),
            PageNumber, 30);
    }

    public async Task<IActionResult> OnPostMapAsync(string printedName, string? unitId)
    {
        var create = unitId == "new";
        if (string.IsNullOrEmpty(unitId))
        {
            TempData[ErrorKey] = $"请为“{printedName}”选择单位，或选择新建单位。";
            return Redirect(Back(HttpContext));
        }

        await Api.Tasks.MapUnitNameAsync(new TasksV1.MapUnitNameRequest
        {
            TaskListId = Id,
            PrintedName = printedName ?? string.Empty,
            UnitId = create ? string.Empty : unitId,
            CreateUnit = create,
        }, await AsMe());
        return Done(create ? $"已新建单位“{printedName}”。" : $"已将“{printedName}”对应到所选单位（并记为其别名）。");
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var published = await Api.Tasks.PublishTaskListAsync(
            new TasksV1.PublishTaskListRequest { Id = Id }, await AsMe());
        return Done($"已发布第 {published.Version} 版，共 {published.TaskCount} 项任务；牵头单位将收到交办通知。");
    }
}
