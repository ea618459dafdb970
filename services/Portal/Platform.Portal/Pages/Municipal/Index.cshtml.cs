using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Municipal;

/// <summary>
/// The divisions or districts directly under a division side by side per canonical indicator: a heat map of lights,
/// coverage gaps, on-time rates, comparable targets. A viewer starts at its own division and drills down one level at
/// a time (a column that is a division opens its own view, a district opens its dashboard), and back up to its own.
/// </summary>
public sealed class IndexModel : ListingPage
{
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }

    public ReportingV1.MunicipalView View { get; private set; } = null!;
    public string Selected { get; private set; } = string.Empty;
    public IReadOnlyList<ReportingV1.DistrictColumn> Districts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Selected = (await PeriodsAsync(Period)).Selected;
        View = await Api.Dashboards.GetMunicipalViewAsync(
            new ReportingV1.GetMunicipalViewRequest { Period = Selected, Division = Division ?? string.Empty },
            await AsMe());
        Districts = Listing.Page(View.Districts, new Dictionary<string, Func<ReportingV1.DistrictColumn, IComparable?>>
        {
            ["name"] = d => d.TenantId,
            ["tasks"] = d => d.Tasks,
            ["red"] = d => d.Red,
            ["ontime"] = d => d.OnTimeRate,
            ["gaps"] = d => d.Uncovered.Count,
        }, Sort, Desc == "1", 1, 200).Items;
    }

    /// <summary>Where a column leads: a district's dashboard, or the next level's comparison.</summary>
    public string Link(ReportingV1.DistrictColumn column) =>
        column.IsDistrict
            ? $"/municipal/{column.TenantId}?period={Selected}"
            : $"/municipal?division={column.TenantId}&period={Selected}";

    /// <summary>The heat map's rows whose indicator, by its Chinese or its English name, contains the filter.</summary>
    public IEnumerable<ReportingV1.IndicatorRow> Rows =>
        View.Indicators.Where(r => string.IsNullOrEmpty(Indicator)
            || r.Indicator.Contains(Indicator, StringComparison.OrdinalIgnoreCase)
            || r.IndicatorName.Contains(Indicator, StringComparison.Ordinal));

    /// <summary>The heat map's colour for a cell: the worst share among its tasks.</summary>
    public static string Heat(ReportingV1.IndicatorCell cell) =>
        cell.Tasks == 0 ? "gap"
        : cell.Red * 5 >= cell.Tasks ? "h-red"
        : cell.Red + cell.Yellow > 0 ? "h-yellow"
        : "h-green";
}
