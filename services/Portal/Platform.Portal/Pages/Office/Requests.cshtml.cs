using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>Extension (延期) and closure (办结) requests: the office approves or refuses with a reason.</summary>
public sealed class RequestsModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ReportingV1.TaskRequest> Rows { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Status ??= "pending";
        var status = Status switch
        {
            "pending" => ReportingV1.TaskRequestStatus.Pending,
            "approved" => ReportingV1.TaskRequestStatus.Approved,
            "refused" => ReportingV1.TaskRequestStatus.Refused,
            _ => ReportingV1.TaskRequestStatus.Unspecified,
        };
        await LoadPeopleAsync();
        var requests = (await Api.Supervision.ListTaskRequestsAsync(
            new ReportingV1.ListTaskRequestsRequest { Status = status }, await AsMe())).Requests
            .Where(r => Kind switch
            {
                "extension" => r.Kind == ReportingV1.TaskRequestKind.Extension,
                "closure" => r.Kind == ReportingV1.TaskRequestKind.Closure,
                _ => true,
            })
            .OrderBy(r => r.RequestedAt?.ToDateTimeOffset());
        Rows = Listing.Page(requests, PageNumber, Size);
    }

    public async Task<IActionResult> OnPostDecideAsync(string id, bool approve, string? deadline, string? comment)
    {
        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            TempData[ErrorKey] = "不同意时请填写理由。";
            return Redirect(Back(HttpContext));
        }

        await Api.Supervision.DecideTaskRequestAsync(new ReportingV1.DecideTaskRequestRequest
        {
            Id = id,
            Approve = approve,
            Deadline = deadline?.Trim() ?? string.Empty,
            Comment = comment?.Trim() ?? string.Empty,
        }, await AsMe());
        return Done(approve ? "已同意。" : "已不同意，申请单位会收到理由。");
    }
}
