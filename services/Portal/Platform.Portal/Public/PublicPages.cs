using System.Net;
using System.Text.Json;
using Platform.MultiTenancy;
using Platform.Portal.Api;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Public;

/// <summary>
/// Reads a district's public page from the platform's anonymous API, with no credential at all (whoever is signed in
/// sees what everyone sees), naming the browser in X-Forwarded-For so that the gateway counts it, not the portal.
/// </summary>
public sealed class PublicPages(IHttpClientFactory httpFactory, IHttpContextAccessor accessor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The published page; null when the code is no district's or its page is not published.</summary>
    public async Task<PublicPageData?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        if (!DivisionCode.IsValid(code))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"public/v1/{code}");
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } browser)
        {
            var address = browser.IsIPv4MappedToIPv6 ? browser.MapToIPv4() : browser;
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }

        using var response = await httpFactory.CreateClient(PlatformApi.GatewayHttpClient)
            .SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ApiErrors.FromProblem((int)response.StatusCode, text);
        }

        return JsonSerializer.Deserialize<PublicPageData>(text, Json)
            ?? throw new ApiException("公开页面数据无法读取。", 502);
    }

    /// <summary>
    /// The office's preview: the same page, from the settings API's message (an empty field is not public).
    /// </summary>
    public static PublicPageData FromPreview(ReportingV1.PublicPageSettings settings)
    {
        var view = settings.Preview ?? new ReportingV1.PublicPageView { DistrictCode = settings.DistrictCode };
        var ticks = settings.Fields ?? new ReportingV1.PublicFieldTicks();
        return new PublicPageData(
            view.DistrictCode,
            view.DistrictName,
            view.Year == 0 ? null : view.Year,
            view.TaskCount,
            view.CompletedCount,
            view.InProgressCount,
            view.NotStartedCount,
            (decimal)view.CompletionRate,
            view.Categories.Select(c => new PublicCategoryData(
                c.Name,
                c.Tasks.Select(t => new PublicTaskData(
                    t.Number,
                    t.Text,
                    t.Status,
                    ticks.LeadUnits ? t.LeadUnits.ToList() : null,
                    ticks.Deadlines ? t.Deadline : null,
                    ticks.Lights ? t.Light : null,
                    ticks.ProgressText ? t.ProgressText : null,
                    ticks.ProblemsText ? t.ProblemsText : null)).ToList())).ToList(),
            view.Summary is { } s
                ? new PublicSummaryData(s.Completed, s.MostlyCompleted, s.NotCompleted, s.Description)
                : null,
            Changes: null,
            settings.Published ? settings.PublishedAt?.ToDateTimeOffset() : null);
    }
}
