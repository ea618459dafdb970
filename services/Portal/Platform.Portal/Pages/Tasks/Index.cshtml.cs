using Microsoft.AspNetCore.Mvc;
using Platform.Contracts;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Tasks;

/// <summary>
/// The district's published tasks of a year, with this month's light and report status; filters, sorts, pages.
/// </summary>
public sealed class IndexModel : ListingPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Light { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }

    public PeriodChoice Periods { get; private set; } = null!;
    public Paged<Row> Rows { get; private set; } = null!;
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<string> Units { get; private set; } = [];
    public IReadOnlyList<string> Indicators { get; private set; } = [];

    public sealed record Row(TasksV1.Task Task, ReportingV1.Report? Report, int Order)
    {
        public string Leads => string.Join(
            "、", Task.LeadUnits.Select(u => u.UnitName.Length > 0 ? u.UnitName : u.PrintedName));
    }

    /// <summary>
    /// True when a municipal viewer reads one of its districts' lists (read-only, no links into the district).
    /// </summary>
    public bool DrillDown => Tenant is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync()
    {
        if (DrillDown && !Me.IsMunicipal)
        {
            return NotFound();
        }

        // A municipality has no periods of its own: for a drill-down this is the month asked for (or the current one).
        Periods = await PeriodsAsync(Period);

        var options = await AsMe();
        var tasks = (await Api.Tasks.ListTasksAsync(
            new TasksV1.ListTasksRequest { Year = Periods.Year, PageSize = 500, TenantId = Tenant ?? string.Empty },
            options)).Tasks;
        var reports = (await Api.Reports.ListReportsAsync(
            new ReportingV1.ListReportsRequest { Period = Periods.Selected, TenantId = Tenant ?? string.Empty },
            options)).Reports
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => (int)r.Light).First());
        Categories = tasks.Select(t => t.Category).Distinct().ToList();
        Units = tasks.SelectMany(t => t.LeadUnits.Concat(t.ResponsibleUnits))
            .Select(u => u.UnitName)
            .Where(n => n.Length > 0)
            .Distinct()
            .Order()
            .ToList();
        Indicators = tasks.SelectMany(t => t.Indicators).Distinct()
            .OrderBy(CanonicalIndicators.Order).ThenBy(i => i, StringComparer.Ordinal)
            .ToList();

        var rows = tasks.Select((t, i) => new Row(t, reports.GetValueOrDefault(t.Id), i))
            .Where(r => Listing.Matches(Q, r.Task.Text, r.Task.Number))
            .Where(r => string.IsNullOrEmpty(Category) || r.Task.Category == Category)
            .Where(r => string.IsNullOrEmpty(Unit) || r.Task.LeadUnits.Concat(r.Task.ResponsibleUnits).Any(
                u => u.UnitName == Unit))
            .Where(r => string.IsNullOrEmpty(Indicator) || r.Task.Indicators.Contains(Indicator))
            .Where(r => string.IsNullOrEmpty(Light)
                || Display.Light(r.Report?.Light ?? ReportingV1.Light.Unspecified).Css == Light);
        Rows = Listing.Page(rows, new Dictionary<string, Func<Row, IComparable?>>
        {
            ["number"] = r => r.Order,
            ["category"] = r => r.Task.Category,
            ["lead"] = r => r.Leads,
            ["deadline"] = r => r.Task.Deadline,
            ["light"] = r => (int)(r.Report?.Light ?? 0),
            ["status"] = r => r.Report is null ? -1 : r.Report.Exists ? (int)r.Report.Status : 0,
        }, Sort, Desc == "1", PageNumber, Size);
        return Page();
    }
}
