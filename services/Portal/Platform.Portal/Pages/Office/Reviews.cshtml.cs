using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>The month's reports for the office: submitted ones waiting for review first; accept in one click.</summary>
public sealed class ReviewsModel : ListingPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public PeriodChoice Periods { get; private set; } = null!;
    public Paged<ReportingV1.Report> Rows { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        Status ??= "submitted";
        Periods = await PeriodsAsync(Period);
        var options = await AsMe();
        var reports = (await Api.Reports.ListReportsAsync(
            new ReportingV1.ListReportsRequest { Period = Periods.Selected }, options)).Reports;
        var tasks = (await Api.Tasks.ListTasksAsync(
            new Platform.Contracts.Tasks.V1.ListTasksRequest { Year = Periods.Year, PageSize = 500 }, options)).Tasks;
        UnitNames = tasks.SelectMany(t => t.LeadUnits)
            .Where(u => u.UnitId.Length > 0)
            .GroupBy(u => u.UnitId)
            .ToDictionary(g => g.Key, g => g.First().UnitName);
        var order = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Counts = reports.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var rows = reports.Where(r => Status == "all" || Key(r) == Status)
            .Where(r => string.IsNullOrEmpty(Unit) || r.LeadUnitId == Unit)
            .OrderBy(r => r.SubmittedAt?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue);
        Rows = Listing.Page(rows, new Dictionary<string, Func<ReportingV1.Report, IComparable?>>
        {
            ["number"] = r => order.GetValueOrDefault(r.TaskId),
            ["unit"] = r => UnitNames.GetValueOrDefault(r.LeadUnitId),
            ["submitted"] = r => r.SubmittedAt?.ToDateTimeOffset(),
            ["light"] = r => (int)r.Light,
        }, Sort, Desc == "1", PageNumber, Size);
    }

    public async Task<IActionResult> OnPostAcceptAsync(string taskId, string period, string lead)
    {
        await Api.Reports.AcceptReportAsync(
            new ReportingV1.ReportActionRequest { TaskId = taskId, Period = period, LeadUnitId = lead }, await AsMe());
        return Done("月报已审核通过。");
    }

    public static string Key(ReportingV1.Report report) => !report.Exists ? "missing" : report.Status switch
    {
        ReportingV1.ReportStatus.Submitted => "submitted",
        ReportingV1.ReportStatus.Returned => "returned",
        ReportingV1.ReportStatus.Accepted => "accepted",
        _ => "draft",
    };
}
