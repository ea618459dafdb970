using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Tasks;

/// <summary>
/// One task: its text, units, targets and signatures; its months' reports, requests, evidence and audit trail.
/// </summary>
public sealed class DetailModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public TasksV1.Task Task { get; private set; } = null!;
    public PeriodChoice Periods { get; private set; } = null!;
    public ReportingV1.Report? Report { get; private set; }
    public IReadOnlyList<ReportingV1.TaskRequest> Requests { get; private set; } = [];
    public IReadOnlyList<ReportingV1.EvidenceFile> Evidence { get; private set; } = [];
    public IReadOnlyList<ReportingV1.AuditEntry> Audit { get; private set; } = [];
    public string? AuditRefused { get; private set; }

    public bool LeadsIt => Me.UnitId is { } unit && Task.LeadUnits.Any(u => u.UnitId == unit);
    public bool SignedByMe => Me.UnitId is { } unit && Task.Signatures.Any(s => s.UnitId == unit);

    /// <summary>Who signed for the task, unit by unit, and when; or that no unit has yet.</summary>
    public string Signatures(TasksV1.Task task) =>
        task.Signatures.Count == 0
            ? "尚未签收"
            : string.Join(
                "；", task.Signatures.Select(s => $"{s.UnitName} {Who(s.SignedBy)} {Display.Time(s.SignedAt)} 已签收"));

    public async Task OnGetAsync()
    {
        await LoadPeopleAsync();
        var options = await AsMe();
        Task = await Api.Tasks.GetTaskAsync(new TasksV1.GetTaskRequest { Id = Id }, options);
        Periods = await PeriodsAsync(Period);
        Report = await Api.Reports.GetReportAsync(
            new ReportingV1.GetReportRequest { TaskId = Id, Period = Periods.Selected }, options);
        Requests = (await Api.Supervision.ListTaskRequestsAsync(
            new ReportingV1.ListTaskRequestsRequest { TaskId = Id }, options)).Requests;
        Evidence = (await Api.Supervision.ListEvidenceAsync(
            new ReportingV1.ListEvidenceRequest { TaskId = Id }, options)).Files;
        try
        {
            Audit = (await Api.Reports.GetAuditTrailAsync(
                new ReportingV1.GetAuditTrailRequest { TaskId = Id }, options)).Entries;
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            AuditRefused = ApiErrors.Describe(ex);
        }
    }

    public async Task<IActionResult> OnPostSignAsync()
    {
        await Api.Tasks.SignForTaskAsync(new TasksV1.SignForTaskRequest { Id = Id }, await AsMe());
        return Done("已签收任务。");
    }

    public async Task<IActionResult> OnPostExtensionAsync(string deadline, string reason)
    {
        await Api.Supervision.RequestExtensionAsync(new ReportingV1.RequestExtensionRequest
        {
            TaskId = Id, RequestedDeadline = deadline ?? string.Empty, Reason = reason ?? string.Empty,
        }, await AsMe());
        return Done("延期申请已提交，等待区营商办审批。");
    }

    public async Task<IActionResult> OnPostClosureAsync(string reason)
    {
        var request = new ReportingV1.RequestClosureRequest { TaskId = Id, Reason = reason ?? string.Empty };
        request.EvidenceIds.AddRange(Request.Form["evidence"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!));
        await Api.Supervision.RequestClosureAsync(request, await AsMe());
        return Done("办结申请已提交，等待区营商办核验。");
    }
}
