using System.Globalization;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Tasks;

/// <summary>
/// 上年度: the history of a task carried over (or matched) from the previous year — last year's task and its monthly
/// reports, read from reporting under the old task's id.
/// </summary>
public sealed class LastYearModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = string.Empty;

    public TasksV1.Task Task { get; private set; } = null!;
    public TasksV1.Task? Previous { get; private set; }
    public IReadOnlyList<ReportingV1.Report> Reports { get; private set; } = [];

    /// <summary>Why last year cannot be shown (no link, or not this person's to read).</summary>
    public string? Unavailable { get; private set; }

    public async System.Threading.Tasks.Task OnGetAsync()
    {
        var options = await AsMe();
        Task = await Api.Tasks.GetTaskAsync(new TasksV1.GetTaskRequest { Id = Id }, options);
        if (Task.CarriedFrom is not { } from)
        {
            Unavailable = "该任务不是由上年度任务结转而来。";
            return;
        }

        try
        {
            Previous = await Api.Tasks.GetTaskAsync(new TasksV1.GetTaskRequest { Id = from.TaskId }, options);
            var months = Enumerable.Range(1, 12)
                .Select(m => $"{from.Year.ToString(CultureInfo.InvariantCulture)}-{m:00}")
                .Select(period => MonthAsync(from.TaskId, period, options));
            Reports = (await System.Threading.Tasks.Task.WhenAll(months))
                .OfType<ReportingV1.Report>()
                .Where(r => r.Exists)
                .ToList();
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcStatus.PermissionDenied or GrpcStatus.NotFound)
        {
            Unavailable = ApiErrors.Describe(ex);
        }
    }

    /// <summary>One month's report; null for a month reporting does not count for the task (before the list).</summary>
    private async Task<ReportingV1.Report?> MonthAsync(string taskId, string period, CallOptions options)
    {
        try
        {
            return await Api.Reports.GetReportAsync(
                new ReportingV1.GetReportRequest { TaskId = taskId, Period = period }, options);
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition)
        {
            return null;
        }
    }
}
