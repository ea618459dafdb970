using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Contributions;

/// <summary>A responsible unit's part of each task's month, written once and used in the lead unit's report.</summary>
public sealed class IndexModel : ListingPage
{
    public const int MaxText = 4000;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }

    public PeriodChoice Periods { get; private set; } = null!;
    public Paged<Row> Rows { get; private set; } = null!;

    public sealed record Row(TasksV1.Task Task, ReportingV1.Contribution? Mine, int Order);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Me.UnitId is null)
        {
            return Redirect("/tasks");
        }

        await LoadPeopleAsync();
        Periods = await PeriodsAsync(Period);
        var options = await AsMe();
        var tasks = (await Api.Tasks.ListTasksAsync(
            new TasksV1.ListTasksRequest { Year = Periods.Year, UnitId = Me.UnitId, PageSize = 500 }, options)).Tasks
            .Where(t => t.ResponsibleUnits.Any(u => u.UnitId == Me.UnitId))
            .Where(t => Listing.Matches(Q, t.Text, t.Number))
            .ToList();
        // One read per task, all at once over the one HTTP/2 connection (there is no read of a unit's whole month).
        var rows = await Task.WhenAll(tasks.Select(async (task, i) =>
        {
            var parts = await Api.Supervision.ListContributionsAsync(
                new ReportingV1.ListContributionsRequest { TaskId = task.Id, Period = Periods.Selected }, options);
            return new Row(task, parts.Contributions.FirstOrDefault(c => c.UnitId == Me.UnitId), i);
        }));

        var filtered = rows.Where(r => Filter switch
        {
            "todo" => r.Mine is null,
            "done" => r.Mine is not null,
            _ => true,
        });
        Rows = Listing.Page(filtered, PageNumber, Size);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string taskId, string period, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            TempData[ErrorKey] = $"请填写本单位的工作情况（不超过 {MaxText} 字）。";
            return Redirect(Back(HttpContext));
        }

        await Api.Supervision.SaveContributionAsync(
            new ReportingV1.SaveContributionRequest { TaskId = taskId, Period = period, Text = text.Trim() },
            await AsMe());
        return Done("已保存本单位报送内容，牵头单位填报时会看到。");
    }
}
