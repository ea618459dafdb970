using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Charts;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Dashboard;

/// <summary>
/// A district's dashboard for a month: lights by category, unit and indicator, the trend of the year, lagging tasks
/// with their problems, late units; the ledger and bulletin to download. A municipal viewer opens a child district
/// read-only.
/// </summary>
public sealed class IndexModel : ListingPage
{
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }

    public ReportingV1.DistrictDashboard Board { get; private set; } = null!;
    public PeriodChoice Periods { get; private set; } = null!;
    public string Selected => Periods.Selected;
    public Paged<ReportingV1.LaggingTask> Lagging { get; private set; } = null!;

    /// <summary>
    /// True when a municipal viewer looks at one of its districts (no downloads, no links into the district).
    /// </summary>
    public bool DrillDown => Tenant is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync()
    {
        if (DrillDown && !Me.IsMunicipal && Tenant != Me.Tenant)
        {
            return NotFound();
        }

        Periods = await PeriodsAsync(Period);
        Board = await Api.Dashboards.GetDistrictDashboardAsync(
            new ReportingV1.GetDistrictDashboardRequest { Period = Selected, TenantId = Tenant ?? string.Empty },
            await AsMe());
        Lagging = Listing.Page(Board.Lagging, new Dictionary<string, Func<ReportingV1.LaggingTask, IComparable?>>
        {
            ["number"] = t => t.Number.PadLeft(4, '0'),
            ["unit"] = t => t.LeadUnit,
            ["light"] = t => (int)t.Light,
            ["category"] = t => t.Category,
        }, Sort ?? "light", Sort is null || Desc == "1", PageNumber, Size);
        return Page();
    }

    /// <summary>The year's months as columns, each named by its month ("7月").</summary>
    public static IReadOnlyList<LightBar> Months(IEnumerable<ReportingV1.LightCounts> trend) =>
        trend.Select(c => new LightBar(c.Key.Length == 7 ? c.Key[5..] + "月" : c.Name, c.Green, c.Yellow, c.Red))
            .ToList();

    /// <summary>The units with the most red lights, then yellow ones, as bars.</summary>
    public static IReadOnlyList<LightBar> WorstUnits(IEnumerable<ReportingV1.LightCounts> units, int count) =>
        Bars(units.OrderByDescending(u => u.Red).ThenByDescending(u => u.Yellow).Take(count));

    public static IReadOnlyList<LightBar> Bars(IEnumerable<ReportingV1.LightCounts> counts) =>
        counts.Select(c => new LightBar(c.Name.Length > 0 ? c.Name : c.Key, c.Green, c.Yellow, c.Red)).ToList();
}
