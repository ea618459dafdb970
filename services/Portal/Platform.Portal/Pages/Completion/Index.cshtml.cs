using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Completion;

/// <summary>
/// The year's completion reports (年度完成情况): a lead unit's reporter sees its own unit's tasks and files each; the
/// district office opens the filing, sees every unit's report by state and accepts or opens one to return it; leaders
/// read.
/// </summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public ReportingV1.YearEndSummary Summary { get; private set; } = null!;
    public IReadOnlyList<ReportingV1.CompletionReport> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>A reporter's page lists its own unit's tasks only.</summary>
    public bool OwnUnitOnly => Me.IsReporter && !Me.IsOffice && Me.UnitId is not null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostOpenAsync(string? opensOn)
    {
        var year = await YearAsync();
        var ok = await TryAsync(async () => await Api.YearEnd.OpenCompletionAsync(
            new ReportingV1.OpenCompletionRequest { Year = year, OpensOn = opensOn?.Trim() ?? string.Empty },
            await AsMe()));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        return Done($"{year}年度完成情况自 {opensOn} 起填报。");
    }

    public async Task<IActionResult> OnPostAcceptAsync(string taskId, string lead, int version)
    {
        var year = await YearAsync();
        var ok = await TryAsync(async () => await Api.YearEnd.AcceptCompletionReportAsync(
            new ReportingV1.CompletionActionRequest
            {
                TaskId = taskId, Year = year, LeadUnitId = lead, Version = version,
            },
            await AsMe()));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        return Done("年度完成情况已审核通过。");
    }

    public static string Key(ReportingV1.CompletionReport report) => !report.Exists ? "missing" : report.Status switch
    {
        ReportingV1.ReportStatus.Submitted => "submitted",
        ReportingV1.ReportStatus.Returned => "returned",
        ReportingV1.ReportStatus.Accepted => "accepted",
        _ => "draft",
    };

    private async Task LoadAsync()
    {
        var year = await YearAsync();
        var options = await AsMe();
        Summary = await Api.YearEnd.GetYearEndAsync(new ReportingV1.GetYearEndRequest { Year = year }, options);
        var request = new ReportingV1.ListCompletionReportsRequest { Year = year };
        if (OwnUnitOnly)
        {
            request.UnitId = Me.UnitId!;
        }

        var reports = (await Api.YearEnd.ListCompletionReportsAsync(request, options)).Reports;
        Counts = reports.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        Status ??= Me.IsOffice && Counts.ContainsKey("submitted") ? "submitted" : "all";
        Rows = reports.Where(r => Status == "all" || Key(r) == Status).ToList();
    }

    /// <summary>
    /// The year asked for, else the one whose end is being reviewed: last year until June, this year after.
    /// </summary>
    private async Task<int> YearAsync()
    {
        if (Year is >= 2000 and <= 2100)
        {
            return Year.Value;
        }

        var current = (await Api.Reports.ListPeriodsAsync(new ReportingV1.ListPeriodsRequest(), await AsMe()))
            .CurrentPeriod;
        var year = int.Parse(current[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(current[5..], CultureInfo.InvariantCulture);
        Year = month <= 6 ? year - 1 : year;
        return Year.Value;
    }
}
