using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Time;
using TasksV1 = Platform.Contracts.Tasks.V1;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// The district's units (设置 → 单位): adding a unit, renaming it (the old name stays an alias, so printed lists keep
/// resolving), adding and removing aliases, retiring a unit once no task of the list in force is left to it (the
/// page lists those tasks) and reinstating it, merging it into another unit, and the audit of every change.
/// </summary>
public sealed class UnitsModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The unit opened for changes (?unit=id).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")] public string? Selected { get; set; }

    public IReadOnlyList<UnitsV1.Unit> Units { get; private set; } = [];

    public UnitsV1.Unit? Unit => Units.FirstOrDefault(u => u.Id == Selected);

    /// <summary>
    /// The tasks of published lists that the opened unit leads or shares (those of the lists in force must be
    /// reassigned before it retires).
    /// </summary>
    public IReadOnlyList<TasksV1.Task> OpenTasks { get; private set; } = [];

    public Paged<UnitsV1.UnitAuditEntry> Audit { get; private set; } = null!;

    /// <summary>The uploaded workbook's preview, and the workbook itself (base64) to import once it is clear.</summary>
    public UnitsV1.DirectoryImportPreview? ImportPreview { get; private set; }

    public string? ImportContent { get; private set; }

    /// <summary>What an import created: the people with their one-time passwords, shown on this render only.</summary>
    public UnitsV1.DirectoryImportResult? Imported { get; private set; }

    /// <summary>
    /// The largest workbook the page takes (the units service's request limit is about 1 MB of base64).
    /// </summary>
    public const long MaxWorkbookBytes = 700 * 1024;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string name, string? aliases, bool group)
    {
        var request = new UnitsV1.CreateUnitRequest
        {
            Name = name?.Trim() ?? string.Empty, Kind = group ? UnitsV1.UnitKind.Group : UnitsV1.UnitKind.Unit,
        };
        request.Aliases.AddRange(Split(aliases));
        UnitsV1.Unit? created = null;
        return await ChangeAsync(
            async o => created = await Api.Units.CreateUnitAsync(request, o), () => $"已添加单位 {created!.Name}。");
    }

    public Task<IActionResult> OnPostRenameAsync(string id, string name) =>
        ChangeAsync(o => Api.Units.RenameUnitAsync(
            new UnitsV1.RenameUnitRequest { Id = id, Name = name?.Trim() ?? string.Empty }, o).ResponseAsync,
            () => "已更名，原名称保留为别名，已导入清单中的原名称仍可识别。");

    public Task<IActionResult> OnPostAddAliasAsync(string id, string alias) =>
        ChangeAsync(o => Api.Units.AddUnitAliasAsync(
            new UnitsV1.AddUnitAliasRequest { Id = id, Alias = alias?.Trim() ?? string.Empty }, o).ResponseAsync,
            () => $"已添加别名 {alias}。");

    public Task<IActionResult> OnPostRemoveAliasAsync(string id, string alias) =>
        ChangeAsync(o => Api.Units.RemoveUnitAliasAsync(
            new UnitsV1.RemoveUnitAliasRequest { Id = id, Alias = alias }, o).ResponseAsync,
            () => $"已删除别名 {alias}。已按此别名识别的任务不受影响。");

    public Task<IActionResult> OnPostRetireAsync(string id) =>
        ChangeAsync(o => Api.Units.RetireUnitAsync(new UnitsV1.UnitActionRequest { Id = id }, o).ResponseAsync,
            () => "已撤销。此单位不再接受新任务和新人员，历史记录保留。");

    public Task<IActionResult> OnPostReinstateAsync(string id) =>
        ChangeAsync(
            o => Api.Units.ReinstateUnitAsync(new UnitsV1.UnitActionRequest { Id = id }, o).ResponseAsync,
            () => "已恢复。");

    public async Task<IActionResult> OnPostMergeAsync(string id, string into)
    {
        UnitsV1.MergeUnitResponse? merged = null;
        return await ChangeAsync(
            async o => merged = await Api.Units.MergeUnitAsync(
                new UnitsV1.MergeUnitRequest { Id = id, IntoId = into ?? string.Empty }, o),
            () => $"已将 {merged!.Unit.Name} 并入 {merged.Into.Name}：现行清单中 {merged.OpenTasksMoved} 项任务、" +
                $"{merged.AccountsMoved} 名人员和 {merged.GroupsChanged} 个单位组已转入，" +
                "原名称已成为其别名；月报、申请、附件和待报事项随后自动转入。被转移人员须重新登录。");
    }

    public async Task<IActionResult> OnGetTemplateAsync()
    {
        var template = await Api.Units.GetDirectoryTemplateAsync(
            new UnitsV1.GetDirectoryTemplateRequest(), await AsMe());
        return File(template.Content.ToByteArray(), Xlsx, template.FileName);
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? workbook)
    {
        if (workbook is null || workbook.Length == 0 || workbook.Length > MaxWorkbookBytes)
        {
            Error = workbook is null || workbook.Length == 0
                ? "请选择填好的 .xlsx 文件。"
                : $"文件过大（上限 {MaxWorkbookBytes / 1024} KB）：请分批导入。";
            await LoadAsync();
            return Page();
        }

        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, Ct);
        var content = Google.Protobuf.ByteString.CopyFrom(buffer.ToArray());
        if (await TryAsync(async () => ImportPreview = await Api.Units.PreviewDirectoryImportAsync(
            new UnitsV1.DirectoryImportRequest { Content = content }, await AsMe())))
        {
            ImportContent = content.ToBase64();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string content)
    {
        var request = new UnitsV1.DirectoryImportRequest { Content = Google.Protobuf.ByteString.FromBase64(
            content ?? string.Empty) };
        await TryAsync(async () => Imported = await Api.Units.ApplyDirectoryImportAsync(request, await AsMe()));
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// The one-time passwords just made, as the workbook the import returned (the page holds it; nothing keeps it).
    /// </summary>
    public IActionResult OnPostPasswords(string content) =>
        File(Convert.FromBase64String(content ?? string.Empty), Xlsx, "初始密码.xlsx");

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<IActionResult> ChangeAsync(Func<Grpc.Core.CallOptions, Task> call, Func<string> done)
    {
        var options = await AsMe();
        if (!await TryAsync(() => call(options)))
        {
            await LoadAsync();
            return Page();
        }

        return Done(done(), Selected is { Length: > 0 } ? $"/office/units?unit={Selected}" : "/office/units");
    }

    private static IEnumerable<string> Split(string? text) =>
        (text ?? string.Empty).Split(
            ['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync()
    {
        var options = await AsMe();
        Units = (await Api.Units.ListUnitsAsync(new UnitsV1.ListUnitsRequest { PageSize = 500 }, options)).Units
            .OrderBy(u => u.RetiredAt is not null).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        if (Unit is { } unit)
        {
            OpenTasks = (await Api.Tasks.ListTasksAsync(
                new TasksV1.ListTasksRequest { UnitId = unit.Id, PageSize = 500 }, options)).Tasks;
        }

        var audit = await Api.Units.ListUnitAuditAsync(
            new UnitsV1.ListUnitAuditRequest { UnitId = Selected ?? string.Empty, PageSize = 500 }, options);
        Audit = Listing.Page(audit.Entries, PageNumber, Size);
        await LoadPeopleAsync();
    }

    /// <summary>What an audit entry changed, in words: "名称：区经信委 → 区经济信息委".</summary>
    /// <summary>The name of a unit of the directory, or <paramref name="otherwise"/> when it is not listed.</summary>
    public string NameOf(string unitId, string otherwise) =>
        Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? otherwise;

    public static string Change(UnitsV1.UnitAuditEntry entry) => AuditText.Change(
        entry.Before, entry.After, FieldName, Value);

    private static string Value(string field, System.Text.Json.Nodes.JsonNode? value) => value switch
    {
        null => "无",
        System.Text.Json.Nodes.JsonArray items => items.Count == 0 ? "无" : string.Join(
            "、", items.Select(i => (string?)i)),
        _ when field == "retiredAt" && DateTimeOffset.TryParse(
            value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var at) =>
            ChinaTime.Local(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string FieldName(string field) => field switch
    {
        "name" => "名称",
        "aliases" => "别名",
        "memberIds" => "成员",
        "retiredAt" => "撤销时间",
        "kind" => "类型",
        "mergedIntoId" => "并入单位",
        _ => field,
    };

    public static string Action(string action) => action switch
    {
        "created" => "添加",
        "renamed" => "更名",
        "alias-added" => "添加别名",
        "alias-removed" => "删除别名",
        "members-changed" => "调整成员",
        "retired" => "撤销",
        "reinstated" => "恢复",
        "merged" => "并入其他单位",
        "absorbed" => "承接合并单位",
        _ => action,
    };
}
