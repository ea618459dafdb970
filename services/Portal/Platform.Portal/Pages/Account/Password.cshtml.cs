using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Session;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Account;

/// <summary>
/// A person changes their own password; every session of theirs ends, this one included, and they sign in again.
/// </summary>
public sealed class PasswordModel(PortalSession session) : PortalPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string currentPassword, string newPassword, string confirmPassword)
    {
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            Error = "请填写当前密码和新密码。";
            return Page();
        }

        if (newPassword != confirmPassword)
        {
            Error = "两次输入的新密码不一致。";
            return Page();
        }

        var request = new UnitsV1.ChangePasswordRequest
        {
            CurrentPassword = currentPassword, NewPassword = newPassword,
        };
        if (!await TryAsync(async () => await Api.Accounts.ChangePasswordAsync(request, await AsMe())))
        {
            return Page();
        }

        await session.SignOutAsync();
        TempData[FlashKey] = "密码已修改，请用新密码重新登录。";
        return Redirect("/login");
    }
}
