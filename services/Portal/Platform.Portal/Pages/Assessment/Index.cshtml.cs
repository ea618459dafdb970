using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Assessment;

/// <summary>
/// A year's assessment as the reader may see it: a unit its own score and every reason; the office and district
/// leaders the whole ranking.
/// </summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int SelectedYear =>
        Year is >= 2000 and <= 2100 ? Year.Value : AssessmentDisplay.DefaultYear(DateTimeOffset.UtcNow);

    public ReportingV1.Assessment? Result { get; private set; }

    public async Task OnGetAsync()
    {
        var client = new ReportingV1.Assessments.AssessmentsClient(
            HttpContext.RequestServices.GetRequiredService<GrpcChannel>());
        try
        {
            Result = await client.GetAssessmentAsync(
                new ReportingV1.GetAssessmentRequest { Year = SelectedYear }, await AsMe());
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            Error = ApiErrors.Describe(ex);
        }
    }
}
