using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Public;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// 政务公开: which fields of the district's list are public beyond the minimum, the year's summary, a preview of exactly
/// what the public page would show, and publish or withdraw it.
/// </summary>
public sealed class PublicPageModel : PortalPage
{
    [BindProperty] public bool LeadUnits { get; set; }
    [BindProperty] public bool Deadlines { get; set; }
    [BindProperty] public bool Lights { get; set; }
    [BindProperty] public bool ProgressText { get; set; }
    [BindProperty] public bool ProblemsText { get; set; }
    [BindProperty] public bool YearSummary { get; set; }
    [BindProperty] public string? Description { get; set; }

    public ReportingV1.PublicPageSettings? Settings { get; private set; }

    public PublicPageData? Preview { get; private set; }

    public async Task OnGetAsync() => Show(
        await Api.PublicPage.GetPublicPageAsync(new ReportingV1.GetPublicPageRequest(), await AsMe()));

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if ((Description ?? string.Empty).Length > 5000)
        {
            Error = "年度总结最多 5000 字。";
            await OnGetAsync();
            return Page();
        }

        var ok = await TryAsync(async () => await Api.PublicPage.UpdatePublicPageAsync(
            new ReportingV1.UpdatePublicPageRequest
            {
                LeadUnits = LeadUnits,
                Deadlines = Deadlines,
                Lights = Lights,
                ProgressText = ProgressText,
                ProblemsText = ProblemsText,
                YearSummary = YearSummary,
                Description = Description ?? string.Empty,
            },
            await AsMe()));
        return ok ? Done("公开内容已保存，请核对下方预览。") : await ReloadAsync();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var ok = await TryAsync(async () => await Api.PublicPage.PublishPublicPageAsync(
            new ReportingV1.PublishPublicPageRequest(), await AsMe()));
        return ok ? Done("公开页面已发布。") : await ReloadAsync();
    }

    public async Task<IActionResult> OnPostUnpublishAsync()
    {
        var ok = await TryAsync(async () => await Api.PublicPage.UnpublishPublicPageAsync(
            new ReportingV1.PublishPublicPageRequest(), await AsMe()));
        return ok ? Done("公开页面已撤回。") : await ReloadAsync();
    }

    private async Task<IActionResult> ReloadAsync()
    {
        await OnGetAsync();
        return Page();
    }

    private void Show(ReportingV1.PublicPageSettings settings)
    {
        Settings = settings;
        Preview = PublicPages.FromPreview(settings);
        var f = settings.Fields ?? new ReportingV1.PublicFieldTicks();
        (LeadUnits, Deadlines, Lights, ProgressText, ProblemsText, YearSummary) =
            (f.LeadUnits, f.Deadlines, f.Lights, f.ProgressText, f.ProblemsText, f.YearSummary);
        Description = settings.Description;
    }
}
