using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Reports;

/// <summary>
/// One task's monthly report: the lead unit writes it (pre-filled by the service from last month and the responsible
/// units' parts), with target actuals and evidence, and submits it; the district office accepts or returns it.
/// </summary>
public sealed class EditModel : PortalPage
{
    public const int MaxText = 8000;

    [BindProperty(SupportsGet = true)] public string TaskId { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string? Lead { get; set; }

    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? Problems { get; set; }
    [BindProperty] public string? Effects { get; set; }
    [BindProperty] public int SelfStatus { get; set; }
    [BindProperty] public List<string?> Actuals { get; set; } = [];

    public TasksV1.Task Task { get; private set; } = null!;
    public ReportingV1.Report Report { get; private set; } = null!;
    public IReadOnlyList<ReportingV1.EvidenceFile> Evidence { get; private set; } = [];

    public bool CanEdit => Me.IsReporter
        && Me.UnitId == Report.LeadUnitId
        && (!Report.Exists
            || Report.Status is ReportingV1.ReportStatus.Draft
                or ReportingV1.ReportStatus.Returned
                or ReportingV1.ReportStatus.Unspecified);

    public bool CanReview => Me.IsOffice && Report.Exists && Report.Status == ReportingV1.ReportStatus.Submitted;

    public bool CanUpload => Me.IsOffice
        || ((Me.IsReporter || Me.IsContributor)
            && Me.UnitId is { } unit
            && Task.LeadUnits.Concat(Task.ResponsibleUnits).Any(u => u.UnitId == unit));

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Progress = Report.Progress;
        Problems = Report.Problems;
        Effects = Report.Effects;
        SelfStatus = (int)Report.SelfStatus;
        Actuals = Task.Targets
            .Select((_, i) => Report.Actuals.FirstOrDefault(a => a.Target == i) is { HasActual: true } a
                ? a.Actual.ToString(CultureInfo.InvariantCulture)
                : null)
            .ToList();
    }

    public async Task<IActionResult> OnPostSaveAsync(bool submit)
    {
        await LoadAsync();
        var request = new ReportingV1.SaveReportRequest
        {
            TaskId = TaskId,
            Period = Period,
            Progress = Progress?.Trim() ?? string.Empty,
            Problems = Problems?.Trim() ?? string.Empty,
            Effects = Effects?.Trim() ?? string.Empty, SelfStatus = (ReportingV1.SelfStatus)SelfStatus,
        };
        for (var i = 0; i < Actuals.Count && i < Task.Targets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Actuals[i]))
            {
                continue;
            }

            if (!double.TryParse(Actuals[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var actual))
            {
                Error = $"指标 {i + 1} 的实际值“{Actuals[i]}”不是数字。";
                return Page();
            }

            request.Actuals.Add(new ReportingV1.TargetActual { Target = i, Actual = actual });
        }

        if (submit && (request.Progress.Length == 0 || request.SelfStatus == ReportingV1.SelfStatus.Unspecified))
        {
            Error = "提交前请填写工作进展情况并选择自评状态。";
            return Page();
        }

        if ((Progress?.Length ?? 0) > MaxText || (Problems?.Length ?? 0) > MaxText || (Effects?.Length ?? 0) > MaxText)
        {
            Error = $"每项内容不超过 {MaxText} 字。";
            return Page();
        }

        var ok = await TryAsync(async () =>
        {
            var options = await AsMe();
            await Api.Reports.SaveReportAsync(request, options);
            if (submit)
            {
                await Api.Reports.SubmitReportAsync(
                    new ReportingV1.ReportActionRequest { TaskId = TaskId, Period = Period }, options);
            }
        });
        return ok ? Done(submit ? "月报已提交，等待区营商办审核。" : "草稿已保存。") : Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            TempData[ErrorKey] = "请选择要上传的文件。";
            return Redirect(Back(HttpContext));
        }

        var stored = await Api.UploadEvidenceAsync(TaskId, Period, file, Ct);
        return Done($"已上传佐证材料 {stored.FileName}。");
    }

    public async Task<IActionResult> OnPostReturnAsync(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            TempData[ErrorKey] = "退回时请填写退回意见。";
            return Redirect(Back(HttpContext));
        }

        await Api.Reports.ReturnReportAsync(
            new ReportingV1.ReportActionRequest
            {
                TaskId = TaskId,
                Period = Period,
                Comment = comment.Trim(),
                LeadUnitId = Lead ?? string.Empty,
            },
            await AsMe());
        return Done("已退回，填报单位会收到退回意见。");
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        await Api.Reports.AcceptReportAsync(
            new ReportingV1.ReportActionRequest { TaskId = TaskId, Period = Period, LeadUnitId = Lead ?? string.Empty },
            await AsMe());
        return Done("月报已审核通过。");
    }

    private async Task LoadAsync()
    {
        await LoadPeopleAsync();
        var options = await AsMe();
        Task = await Api.Tasks.GetTaskAsync(new TasksV1.GetTaskRequest { Id = TaskId }, options);
        Report = await Api.Reports.GetReportAsync(
            new ReportingV1.GetReportRequest { TaskId = TaskId, Period = Period, LeadUnitId = Lead ?? string.Empty },
            options);
        Evidence = (await Api.Supervision.ListEvidenceAsync(
            new ReportingV1.ListEvidenceRequest { TaskId = TaskId }, options)).Files
            .Where(f => f.Period == Period).ToList();
    }
}
