using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.My;

/// <summary>
/// A lead unit's tasks: returned reports first, then those still to write; lights, due dates, sign-for.
/// </summary>
public sealed class IndexModel : ListingPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public PeriodChoice Periods { get; private set; } = null!;
    public Paged<Row> Rows { get; private set; } = null!;
    public int Returned { get; private set; }
    public int Open { get; private set; }
    public int Unsigned { get; private set; }

    public sealed record Row(TasksV1.Task Task, ReportingV1.Report? Report, bool Signed, int Urgency, int Order);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Me.UnitId is null)
        {
            return Redirect("/tasks");
        }

        Periods = await PeriodsAsync(Period);
        var options = await AsMe();
        var tasks = (await Api.Tasks.ListTasksAsync(
            new TasksV1.ListTasksRequest { Year = Periods.Year, UnitId = Me.UnitId, PageSize = 500 }, options)).Tasks
            .Where(t => t.LeadUnits.Any(u => u.UnitId == Me.UnitId)).ToList();
        var reports = (await Api.Reports.ListReportsAsync(
            new ReportingV1.ListReportsRequest { Period = Periods.Selected, UnitId = Me.UnitId }, options)).Reports
            .Where(r => r.LeadUnitId == Me.UnitId).ToDictionary(r => r.TaskId);
        var rows = tasks.Select((t, i) =>
        {
            var report = reports.GetValueOrDefault(t.Id);
            var urgency = report is null ? 3 : !report.Exists ? 1 : report.Status switch
            {
                ReportingV1.ReportStatus.Returned => 0,
                ReportingV1.ReportStatus.Draft => 2,
                ReportingV1.ReportStatus.Submitted => 4,
                _ => 5,
            };
            return new Row(t, report, t.Signatures.Any(s => s.UnitId == Me.UnitId), urgency, i);
        }).ToList();
        Returned = rows.Count(r => r.Urgency == 0);
        Open = rows.Count(r => r.Urgency is 1 or 2);
        Unsigned = rows.Count(r => !r.Signed);
        var filtered = rows
            .Where(r => Listing.Matches(Q, r.Task.Text, r.Task.Number))
            .Where(r => Status switch
            {
                "returned" => r.Urgency == 0,
                "open" => r.Urgency is 1 or 2,
                "unsigned" => !r.Signed,
                "done" => r.Urgency >= 4,
                _ => true,
            })
            .OrderBy(r => r.Urgency).ThenBy(r => r.Order);
        Rows = Listing.Page(filtered, new Dictionary<string, Func<Row, IComparable?>>
        {
            ["number"] = r => r.Order,
            ["deadline"] = r => r.Task.Deadline,
            ["light"] = r => (int)(r.Report?.Light ?? 0),
            ["status"] = r => r.Urgency,
        }, Sort, Desc == "1", PageNumber, Size);
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(string id)
    {
        await Api.Tasks.SignForTaskAsync(new TasksV1.SignForTaskRequest { Id = id ?? string.Empty }, await AsMe());
        return Done("已签收任务。");
    }
}
