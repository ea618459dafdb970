using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Completion;

/// <summary>
/// One task's completion report of a year: the lead unit's reporter writes it (pre-filled by the service: 完成 for a
/// task whose closure was verified, each target's final value from the monthly actuals) with its evidence and submits
/// it; the district office accepts it or returns it with a comment.
/// </summary>
public sealed class EditModel : PortalPage
{
    public const int MaxSummary = 5000;

    [BindProperty(SupportsGet = true)] public string TaskId { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lead { get; set; }

    [BindProperty] public int Outcome { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<string?> FinalValues { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public ReportingV1.CompletionReport Report { get; private set; } = null!;
    public ReportingV1.YearEndSummary YearEnd { get; private set; } = null!;
    public IReadOnlyList<ReportingV1.EvidenceFile> Evidence { get; private set; } = [];

    public bool CanEdit => YearEnd.Open
        && Me.IsReporter
        && Me.UnitId == Report.LeadUnitId
        && (!Report.Exists || Report.Status is ReportingV1.ReportStatus.Draft or ReportingV1.ReportStatus.Returned);

    public bool CanReview => YearEnd.Open && Me.IsOffice && Report.Status == ReportingV1.ReportStatus.Submitted;

    public bool CanUpload => !YearEnd.Closed && (Me.IsOffice || (Me.IsReporter && Me.UnitId == Report.LeadUnitId));

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Outcome = (int)Report.Outcome;
        Summary = Report.Summary;
        Version = Report.Version;
        FinalValues = Report.Targets
            .Select(t => t.HasFinalValue ? t.FinalValue.ToString(CultureInfo.InvariantCulture) : null)
            .ToList();
    }

    public async Task<IActionResult> OnPostSaveAsync(bool submit)
    {
        await LoadAsync();
        var request = new ReportingV1.SaveCompletionReportRequest
        {
            TaskId = TaskId,
            Year = Year,
            Outcome = (ReportingV1.CompletionOutcome)Outcome,
            Summary = Summary?.Trim() ?? string.Empty,
            Version = Version,
        };
        for (var i = 0; i < FinalValues.Count && i < Report.Targets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(FinalValues[i]))
            {
                continue;
            }

            if (!double.TryParse(FinalValues[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                Error = $"指标 {i + 1} 的最终值“{FinalValues[i]}”不是数字。";
                return Page();
            }

            request.FinalValues.Add(new ReportingV1.FinalValue { Target = i, Value = value });
        }

        if ((Summary?.Length ?? 0) > MaxSummary)
        {
            Error = $"完成情况说明不超过 {MaxSummary} 字。";
            return Page();
        }

        if (submit && (request.Outcome == ReportingV1.CompletionOutcome.Unspecified || request.Summary.Length == 0))
        {
            Error = "报送前请选择完成情况并填写完成情况说明。";
            return Page();
        }

        var ok = await TryAsync(async () =>
        {
            var options = await AsMe();
            var saved = await Api.YearEnd.SaveCompletionReportAsync(request, options);
            if (submit)
            {
                await Api.YearEnd.SubmitCompletionReportAsync(
                    new ReportingV1.CompletionActionRequest { TaskId = TaskId, Year = Year, Version = saved.Version },
                    options);
            }
        });
        return ok ? Done(submit ? "年度完成情况已报送，等待区营商办审核。" : "草稿已保存。") : Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            TempData[ErrorKey] = "请选择要上传的文件。";
            return Redirect(Back(HttpContext));
        }

        var stored = await Api.UploadEvidenceAsync(TaskId, EvidencePeriod, file, Ct);
        return Done($"已上传佐证材料 {stored.FileName}。");
    }

    public async Task<IActionResult> OnPostReturnAsync(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            TempData[ErrorKey] = "退回时请填写退回意见。";
            return Redirect(Back(HttpContext));
        }

        return await ReviewAsync(
            (request, options) => Api.YearEnd.ReturnCompletionReportAsync(request, options).ResponseAsync,
            comment.Trim(),
            "已退回，填报单位会收到退回意见。");
    }

    public Task<IActionResult> OnPostAcceptAsync() => ReviewAsync(
        (request, options) => Api.YearEnd.AcceptCompletionReportAsync(request, options).ResponseAsync,
        null,
        "年度完成情况已审核通过。");

    private string EvidencePeriod => $"{Year:D4}-YE";

    private async Task<IActionResult> ReviewAsync(
        Func<ReportingV1.CompletionActionRequest, Grpc.Core.CallOptions, Task<ReportingV1.CompletionReport>> call,
        string? comment,
        string done)
    {
        var request = new ReportingV1.CompletionActionRequest
        {
            TaskId = TaskId, Year = Year, LeadUnitId = Lead ?? string.Empty, Version = Version,
        };
        if (comment is not null)
        {
            request.Comment = comment;
        }

        var ok = await TryAsync(async () => await call(request, await AsMe()));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }

        return Done(done);
    }

    private async Task LoadAsync()
    {
        await LoadPeopleAsync();
        var options = await AsMe();
        Report = await Api.YearEnd.GetCompletionReportAsync(
            new ReportingV1.GetCompletionReportRequest
            {
                TaskId = TaskId, Year = Year, LeadUnitId = Lead ?? string.Empty,
            },
            options);
        YearEnd = await Api.YearEnd.GetYearEndAsync(new ReportingV1.GetYearEndRequest { Year = Year }, options);
        Evidence = (await Api.Supervision.ListEvidenceAsync(
            new ReportingV1.ListEvidenceRequest { TaskId = TaskId }, options)).Files
            .Where(f => f.Period == EvidencePeriod).ToList();
    }
}
