using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Session;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// The district's people (设置 → 人员): the accounts with their units and roles, adding a person (a one-time password
/// to hand over), editing, disabling and enabling, resetting a password, and the audit of every change.
/// </summary>
public sealed class PeopleModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The account being edited (?edit=id).</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    public IReadOnlyList<UnitsV1.Account> Accounts { get; private set; } = [];

    public IReadOnlyList<UnitsV1.Unit> Units { get; private set; } = [];

    public Paged<UnitsV1.AccountAuditEntry> Audit { get; private set; } = null!;

    /// <summary>A one-time password just made, with whose it is: shown on this render only.</summary>
    public (string Username, string Password)? Handover { get; private set; }

    public UnitsV1.Account? Editing => Accounts.FirstOrDefault(a => a.Id == Edit);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (TempData["handover-user"] is string user && TempData["handover-password"] is string password)
        {
            Handover = (user, password);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(
        string username, string displayName, string? unitId, string? email, string? mobile)
    {
        var request = new UnitsV1.CreateAccountRequest
        {
            Username = username?.Trim() ?? string.Empty,
            DisplayName = displayName?.Trim() ?? string.Empty,
            UnitId = unitId ?? string.Empty,
            Email = email ?? string.Empty, Mobile = mobile ?? string.Empty,
        };
        request.Roles.AddRange(Roles());
        UnitsV1.Account? created = null;
        if (!await TryAsync(async () => created = await Api.Accounts.CreateAccountAsync(request, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        return HandOver(created!.Username, created.InitialPassword, $"已添加 {created.DisplayName}（{created.Username}）。");
    }

    public async Task<IActionResult> OnPostUpdateAsync(
        string id, string displayName, string? unitId, string? email, string? mobile)
    {
        var request = new UnitsV1.UpdateAccountRequest
        {
            Id = id,
            DisplayName = displayName?.Trim() ?? string.Empty,
            UnitId = unitId ?? string.Empty,
            Email = email ?? string.Empty,
            Mobile = mobile ?? string.Empty,
        };
        request.Roles.AddRange(Roles());
        if (!await TryAsync(async () => await Api.Accounts.UpdateAccountAsync(request, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        return Done("已保存。单位或角色变更后，此人需重新登录。", "/office/people");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (!await TryAsync(async () => await Api.Accounts.DisableAccountAsync(
            new UnitsV1.AccountActionRequest { Id = id }, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        return Done("已停用。此人的所有登录已立即失效。");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        await Api.Accounts.EnableAccountAsync(new UnitsV1.AccountActionRequest { Id = id }, await AsMe());
        return Done("已启用。");
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var reset = await Api.Accounts.ResetPasswordAsync(new UnitsV1.AccountActionRequest { Id = id }, await AsMe());
        return HandOver(
            reset.Account.Username, reset.InitialPassword, $"已重置 {reset.Account.DisplayName} 的密码，其所有登录已失效。");
    }

    private IActionResult HandOver(string username, string password, string message)
    {
        if (password.Length > 0)
        {
            TempData["handover-user"] = username;
            TempData["handover-password"] = password;
        }

        return Done(message, "/office/people");
    }

    private IEnumerable<string> Roles() =>
        Request.Form["roles"].Where(r => Person.DistrictRoles.Contains(r)).Select(r => r!);

    private async Task LoadAsync()
    {
        var options = await AsMe();
        Accounts = (await Api.Accounts.ListAccountsAsync(new UnitsV1.ListAccountsRequest(), options)).Accounts
            .OrderBy(a => a.Disabled).ThenBy(a => a.Username, StringComparer.Ordinal).ToList();
        Units = (await Api.Units.ListUnitsAsync(
            new UnitsV1.ListUnitsRequest { PageSize = 500, Kind = UnitsV1.UnitKind.Unit }, options)).Units
            .OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var audit = await Api.Accounts.ListAccountAuditAsync(
            new UnitsV1.ListAccountAuditRequest { PageSize = 500 }, options);
        Audit = Listing.Page(audit.Entries, PageNumber, Size);
        await LoadPeopleAsync();
    }

    public string UnitName(string id) => id.Length == 0 ? "—" : Units.FirstOrDefault(u => u.Id == id)?.Name ?? id[..8];

    /// <summary>What an audit entry changed, in words: "姓名：张三 → 张三丰".</summary>
    public string Change(UnitsV1.AccountAuditEntry entry) =>
        AuditText.Change(entry.Before, entry.After, FieldName, Value);

    private string Value(string field, System.Text.Json.Nodes.JsonNode? value) => value switch
    {
        null => "无",
        System.Text.Json.Nodes.JsonArray roles => string.Join(
            "、", roles.Select(r => Person.RoleName((string?)r ?? string.Empty))),
        _ when field == "unitId" => UnitName((string?)value ?? string.Empty),
        _ when value.GetValueKind() is System.Text.Json.JsonValueKind.True => "是",
        _ when value.GetValueKind() is System.Text.Json.JsonValueKind.False => "否",
        _ => value.ToString(),
    };

    private static string FieldName(string field) => field switch
    {
        "displayName" => "姓名",
        "unitId" => "单位",
        "roles" => "角色",
        "email" => "邮箱",
        "mobile" => "手机",
        "disabled" => "停用",
        "mustChangePassword" => "须改密码",
        "username" => "用户名",
        _ => field,
    };

    public static string Action(string action) => action switch
    {
        "created" => "添加",
        "updated" => "修改",
        "disabled" => "停用",
        "enabled" => "启用",
        "password-reset" => "重置密码",
        "password-changed" => "本人修改密码",
        _ => action,
    };
}
