using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using TasksV1 = Platform.Contracts.Tasks.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>The district's task lists, and the first step of the import wizard: upload the official document.</summary>
public sealed class ListsModel : PortalPage
{
    /// <summary>A list's state in the office's words, with its version once published.</summary>
    public static string StatusText(TasksV1.TaskList list) => list.Status switch
    {
        TasksV1.TaskListStatus.Draft => "草稿",
        TasksV1.TaskListStatus.Published => $"已发布（第 {list.Version} 版）",
        TasksV1.TaskListStatus.Archived => $"已归档（第 {list.Version} 版）",
        _ => "—",
    };

    // The document travels on as base64 in JSON (a third larger), within the gateway's 32 MB import limit.
    public const long MaxUpload = 20L * 1024 * 1024;
    private static readonly string[] Extensions = [".txt", ".docx", ".pdf"];

    [BindProperty] public int Year { get; set; } = DateTime.UtcNow.Year;

    public IReadOnlyList<TasksV1.TaskList> Lists { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Lists = (await Api.Tasks.ListTaskListsAsync(new TasksV1.ListTaskListsRequest(), await AsMe())).TaskLists
            .OrderByDescending(l => l.Year).ThenBy(l => l.Status).ThenByDescending(l => l.Version).ToList();
        if (Lists.Count > 0)
        {
            Year = Lists.Max(l => l.Year);
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? document)
    {
        string? problem = null;
        if (document is null || document.Length == 0)
        {
            problem = "请选择清单文件（.txt、.docx 或 .pdf）。";
        }
        else if (document.Length > MaxUpload)
        {
            problem = $"文件过大（{Display.Size(document.Length)}），上限 {Display.Size(MaxUpload)}。";
        }
        else if (!Extensions.Contains(Path.GetExtension(document.FileName).ToLowerInvariant()))
        {
            problem = "只支持 .txt、.docx 或 .pdf 文件。";
        }
        else if (Year is < 2000 or > 2100)
        {
            problem = "年度应为 2000 到 2100 之间的年份。";
        }

        if (problem is null)
        {
            using var buffer = new MemoryStream();
            await document!.CopyToAsync(buffer, Ct);
            try
            {
                var imported = await Api.ImportAsync(Year, Path.GetFileName(document.FileName), buffer.ToArray(), Ct);
                var found = imported.Report;
                TempData[FlashKey] =
                    $"已识别 {found.CategoryCount} 个类别、{found.TaskCount} 项任务、{found.TargetCount} 个指标。请核对后发布。";
                return Redirect($"/office/lists/{imported.TaskList.Id}");
            }
            catch (ApiException ex) when (ex.Status != 401)
            {
                problem = ex.Message;
            }
        }

        Error = problem;
        await OnGetAsync();
        return Page();
    }
}
