using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Api;
using Platform.Portal.Session;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages;

public sealed partial class LoginModel(PortalSession session, PlatformApi api, ILogger<LoginModel> logger) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Username { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    /// <summary>The person's own password, asked for when the one given was the office's.</summary>
    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>The password was right but must be replaced: the form asks for a new one.</summary>
    public bool ChangeRequired { get; private set; }

    public string? Notice { get; private set; }

    public bool Expired => Request.Query["expired"] == "1";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username)
            || string.IsNullOrEmpty(Password)
            || Username.Length > 64
            || Password.Length > 256)
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        if (NewPassword is not null && NewPassword != ConfirmPassword)
        {
            ChangeRequired = true;
            Error = "两次输入的新密码不一致。";
            return Page();
        }

        try
        {
            var (principal, properties, failedAttempts) = await session.AuthenticateAsync(
                Username.Trim(), Password, Ct, NewPassword);
            await session.CompleteSignInAsync(principal, properties, await NamesAsync(principal));
            if (failedAttempts > 0)
            {
                // Someone may have been guessing: the person hears of it on the first page after signing in.
                TempData[FlashKey] = FailedAttemptsNotice(failedAttempts);
            }
        }
        catch (PasswordChangeRequiredException ex)
        {
            ChangeRequired = true;
            Notice = ex.Message;
            return Page();
        }
        catch (SignInRefusedException ex)
        {
            ChangeRequired = NewPassword is not null;
            Error = ex.Message;
            return Page();
        }
        catch (ApiException ex)
        {
            Error = ex.Message;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/login" ? ReturnUrl! : "/");
    }

    public static string FailedAttemptsNotice(int failedAttempts) =>
        $"自上次登录以来，您的账号有 {failedAttempts} 次密码错误的登录尝试。如非本人所为，请告知区督办室。";

    /// <summary>
    /// The names of the person's district and unit, shown in the header (the codes when the directory refuses).
    /// </summary>
    private async Task<List<Claim>> NamesAsync(ClaimsPrincipal principal)
    {
        var claims = new List<Claim>();
        var options = await api.AsPersonAsync(Ct);
        async Task NameAsync(string idClaim, string nameClaim, Func<string, Task<string>> lookup)
        {
            if (principal.FindFirstValue(idClaim) is not { Length: > 0 } id)
            {
                return;
            }

            try
            {
                claims.Add(new Claim(nameClaim, await lookup(id)));
            }
            catch (RpcException ex)
            {
                LogNameLookup(logger, idClaim, id, ex.Status.Detail);
            }
        }

        await NameAsync(PortalSession.TenantClaim, PortalSession.TenantNameClaim,
            async id => (await api.Tenants.GetTenantAsync(new UnitsV1.GetTenantRequest { Id = id }, options)).Name);
        await NameAsync(PortalSession.UnitClaim, PortalSession.UnitNameClaim,
            async id => (await api.Units.GetUnitAsync(new UnitsV1.GetUnitRequest { Id = id }, options)).Name);
        return claims;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} {Id} could not be named at sign-in: {Reason}")]
    private static partial void LogNameLookup(ILogger logger, string kind, string id, string reason);
}
