using Microsoft.AspNetCore.Mvc;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>Corrects one task of a draft: its text, units, deadline and indicators.</summary>
public sealed class EditTaskModel : PortalPage
{
    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '\n'];

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string Number { get; set; } = string.Empty;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? LeadUnits { get; set; }
    [BindProperty] public string? ResponsibleUnits { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public string? DeadlineText { get; set; }
    [BindProperty] public string? Indicators { get; set; }

    public TasksV1.Task Task { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Text = Task.Text;
        LeadUnits = string.Join("、", Task.LeadUnits.Select(Name));
        ResponsibleUnits = string.Join("、", Task.ResponsibleUnits.Select(Name));
        Deadline = Task.Deadline;
        DeadlineText = Task.DeadlineText;
        Indicators = string.Join("、", Task.Indicators);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var leads = Split(LeadUnits);
        if (string.IsNullOrWhiteSpace(Text) || Text.Length > 4000)
        {
            Error = "任务内容为 1 到 4000 字。";
            return Page();
        }

        if (leads.Count == 0)
        {
            Error = "至少填写一个牵头单位。";
            return Page();
        }

        var request = new TasksV1.UpdateTaskRequest
        {
            TaskListId = Id, Number = Number, Text = Text.Trim(), ReplaceUnits = true, ReplaceIndicators = true,
            Deadline = Deadline?.Trim() ?? string.Empty, DeadlineText = DeadlineText?.Trim() ?? string.Empty,
        };
        request.LeadUnits.AddRange(leads);
        request.ResponsibleUnits.AddRange(Split(ResponsibleUnits));
        request.Indicators.AddRange(Split(Indicators));
        var ok = await TryAsync(async () => await Api.Tasks.UpdateTaskAsync(request, await AsMe()));
        return ok ? Done($"已修改任务 {Number}。", $"/office/lists/{Id}") : Page();
    }

    private async Task LoadAsync()
    {
        var list = await Api.Tasks.GetTaskListAsync(new TasksV1.GetTaskListRequest { Id = Id }, await AsMe());
        Task = list.Tasks.SingleOrDefault(t => t.Number == Number) ?? throw new Grpc.Core.RpcException(
            new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"任务 {Number} 不在此清单中"));
    }

    private static string Name(TasksV1.UnitRef unit) => unit.UnitName.Length > 0 ? unit.UnitName : unit.PrintedName;

    private static List<string> Split(string? text) =>
        (text ?? string.Empty)
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
}
