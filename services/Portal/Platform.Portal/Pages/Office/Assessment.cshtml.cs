using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// The office's assessment (考核) of a year: edit the rules, preview the ranking they make (nothing saved), apply them
/// (a new rule version when they changed), see the versions, close the year, and download the year's files.
/// </summary>
public sealed class AssessmentModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public double BaseScore { get; set; }
    [BindProperty] public bool ClosureCountsAsCompleted { get; set; }
    [BindProperty] public List<AssessmentItemInput> Items { get; set; } = [];
    [BindProperty] public bool ConfirmClose { get; set; }

    public int SelectedYear =>
        Year is >= 2000 and <= 2100 ? Year.Value : AssessmentDisplay.DefaultYear(DateTimeOffset.UtcNow);

    /// <summary>What the year's applied results are (or nothing applied yet).</summary>
    public ReportingV1.Assessment Current { get; private set; } = new();

    /// <summary>The ranking the rules on the form would make, after 预览.</summary>
    public ReportingV1.Assessment? Preview { get; private set; }

    public IReadOnlyList<ReportingV1.AssessmentRuleSet> Versions { get; private set; } = [];

    public int RulesVersion { get; private set; }

    private ReportingV1.Assessments.AssessmentsClient Assessments =>
        new(HttpContext.RequestServices.GetRequiredService<GrpcChannel>());

    public async Task OnGetAsync()
    {
        var rules = await Assessments.GetAssessmentRulesAsync(
            new ReportingV1.GetAssessmentRulesRequest(), await AsMe());
        RulesVersion = rules.Version;
        FillForm(rules.Rules);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        KnownItemsOnly();
        await TryAsync(async () =>
            Preview = await Assessments.PreviewAssessmentAsync(RulesRequest(), await AsMe()));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        KnownItemsOnly();
        ReportingV1.Assessment? applied = null;
        if (await TryAsync(async () =>
            applied = await Assessments.ApplyAssessmentAsync(RulesRequest(), await AsMe())))
        {
            return Done($"已按规则第 {applied!.RuleVersion} 版计分，{applied.UnitCount} 个单位。", Here);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        if (!ConfirmClose)
        {
            TempData[ErrorKey] = "请勾选“确认关账”：关账后得分冻结，不能再改。";
            return Redirect(Here);
        }

        if (await TryAsync(async () =>
            await Assessments.CloseYearAsync(new ReportingV1.CloseYearRequest { Year = SelectedYear }, await AsMe())))
        {
            return Done($"{SelectedYear} 年度已关账，考核得分已冻结。", Here);
        }

        TempData[ErrorKey] = Error;
        return Redirect(Here);
    }

    private string Here => $"/office/assessment?year={SelectedYear}";

    private ReportingV1.AssessmentRulesRequest RulesRequest()
    {
        var rules = new ReportingV1.AssessmentRules
        {
            BaseScore = BaseScore, ClosureCountsAsCompleted = ClosureCountsAsCompleted,
        };
        rules.Items.AddRange(Items.Select(i =>
        {
            var item = new ReportingV1.AssessmentItem { Kind = i.Kind, Points = i.Points, Enabled = i.Enabled };
            if (i.Cap is { } cap)
            {
                item.Cap = cap;
            }

            return item;
        }));
        return new ReportingV1.AssessmentRulesRequest { Year = SelectedYear, Rules = rules };
    }

    /// <summary>A posted form keeps the known items only, each once, in the page's order.</summary>
    private void KnownItemsOnly() =>
        Items = AssessmentDisplay.Items
            .Select(k => Items.FirstOrDefault(i => i.Kind == k.Kind))
            .OfType<AssessmentItemInput>()
            .ToList();

    private void FillForm(ReportingV1.AssessmentRules rules)
    {
        (BaseScore, ClosureCountsAsCompleted) = (rules.BaseScore, rules.ClosureCountsAsCompleted);
        Items = AssessmentDisplay.Items.Select(k =>
        {
            var item = rules.Items.FirstOrDefault(i => i.Kind == k.Kind);
            return new AssessmentItemInput
            {
                Kind = k.Kind, Enabled = item?.Enabled ?? false, Points = item?.Points ?? 0,
                Cap = item is { HasCap: true } ? item.Cap : null,
            };
        }).ToList();
    }

    private async Task LoadAsync()
    {
        var options = await AsMe();
        Current = await Assessments.GetAssessmentAsync(
            new ReportingV1.GetAssessmentRequest { Year = SelectedYear }, options);
        Versions = (await Assessments.ListAssessmentRuleVersionsAsync(
            new ReportingV1.ListAssessmentRuleVersionsRequest(), options)).Versions;
        if (RulesVersion == 0 && Versions.Count > 0)
        {
            RulesVersion = Versions[0].Version;
        }

        await LoadPeopleAsync();
    }
}
