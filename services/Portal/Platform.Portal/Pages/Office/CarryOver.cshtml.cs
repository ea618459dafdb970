using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// Carry-over (结转) on a draft of the next year: each unfinished task of the closed year with its decision so far and
/// the draft's tasks of similar text; the office carries it over, matches it to a task of the draft, or drops it with a
/// reason. Decisions change freely until the list is published.
/// </summary>
public sealed class CarryOverModel : PortalPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = string.Empty;

    public TasksV1.TaskList List { get; private set; } = null!;
    public TasksV1.CarryOver? Offer { get; private set; }

    /// <summary>Why nothing is offered (the previous year not closed), in the service's words.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The decision as the page states it.</summary>
    public static string Outcome(TasksV1.CarryOverCandidate c) => c.Decision switch
    {
        "carried" => $"结转为新任务 {c.ToTaskNumber}",
        "matched" => $"对应本年任务 {c.ToTaskNumber}",
        "dropped" => $"不再继续：{c.Reason}",
        _ => "待定",
    };

    public async Task OnGetAsync()
    {
        var options = await AsMe();
        List = await Api.Tasks.GetTaskListAsync(new TasksV1.GetTaskListRequest { Id = Id }, options);
        try
        {
            Offer = await Api.Tasks.GetCarryOverAsync(new TasksV1.GetCarryOverRequest { Id = Id }, options);
        }
        catch (RpcException ex) when (ex.StatusCode == GrpcStatus.FailedPrecondition)
        {
            Unavailable = ApiErrors.Describe(ex);
        }
    }

    public async Task<IActionResult> OnPostCarryAsync(string fromTaskId)
    {
        var done = await Api.Tasks.CarryTaskAsync(Action(fromTaskId), await AsMe());
        return Done($"上年度任务 {done.Number} 已结转为本清单任务 {done.ToTaskNumber}。");
    }

    public async Task<IActionResult> OnPostMatchAsync(string fromTaskId, string? taskId)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            TempData[ErrorKey] = "请选择本清单中承接该任务的任务。";
            return Redirect(Back(HttpContext));
        }

        var request = Action(fromTaskId);
        request.TaskId = taskId;
        var done = await Api.Tasks.MatchTaskAsync(request, await AsMe());
        return Done($"上年度任务 {done.Number} 已对应本清单任务 {done.ToTaskNumber}。");
    }

    public async Task<IActionResult> OnPostDropAsync(string fromTaskId, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData[ErrorKey] = "请填写不再继续的理由。";
            return Redirect(Back(HttpContext));
        }

        var request = Action(fromTaskId);
        request.Reason = reason;
        var done = await Api.Tasks.DropTaskAsync(request, await AsMe());
        return Done($"上年度任务 {done.Number} 已确定不再继续。");
    }

    private TasksV1.CarryOverActionRequest Action(string fromTaskId) =>
        new() { Id = Id, FromTaskId = fromTaskId ?? string.Empty };
}
