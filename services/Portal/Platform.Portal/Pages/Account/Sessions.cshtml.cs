using Microsoft.AspNetCore.Mvc;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Account;

/// <summary>
/// A person's own sessions (each sign-in still open, this one marked) and sign-in history, so that they notice a
/// sign-in that was not theirs and end it.
/// </summary>
public sealed class SessionsModel : PortalPage
{
    public IReadOnlyList<UnitsV1.SignInSession> Sessions { get; private set; } = [];

    public IReadOnlyList<UnitsV1.SignInRecord> SignIns { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEndAsync(string id)
    {
        if (!await TryAsync(async () => await Api.Accounts.EndMySessionsAsync(
            new UnitsV1.EndMySessionsRequest { SessionId = id ?? string.Empty }, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        return Done("已结束该会话。");
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        UnitsV1.EndMySessionsResponse? ended = null;
        if (!await TryAsync(async () => ended = await Api.Accounts.EndMySessionsAsync(
            new UnitsV1.EndMySessionsRequest { AllOthers = true }, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        return Done($"已结束其他 {ended!.Ended} 个会话。");
    }

    public static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "登录成功",
        "refused" => "密码错误或账号暂被锁定",
        "disabled" => "账号已停用",
        "suspended" => "本区县已暂停使用",
        "password-change-required" => "需先设置新密码",
        _ => outcome,
    };

    /// <summary>The browser or program, in a few words rather than its whole User-Agent string.</summary>
    public static string Program(string userAgent) => userAgent switch
    {
        "" => "—",
        _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge 浏览器",
        _ when userAgent.Contains("Chrome/", StringComparison.Ordinal)
            || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome 浏览器",
        _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox 浏览器",
        _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari 浏览器",
        _ when userAgent.StartsWith("platform-cli", StringComparison.Ordinal) => "命令行工具",
        _ => userAgent.Length > 40 ? userAgent[..40] + "…" : userAgent,
    };

    private async Task LoadAsync()
    {
        var options = await AsMe();
        Sessions = (await Api.Accounts.ListMySessionsAsync(new UnitsV1.ListMySessionsRequest(), options)).Sessions;
        SignIns = (await Api.Accounts.ListMySignInsAsync(
            new UnitsV1.ListMySignInsRequest { PageSize = 50 }, options)).SignIns;
    }
}
