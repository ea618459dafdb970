using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Session;

namespace Platform.Portal.Pages;

public sealed class LogoutModel(PortalSession session) : PortalPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await session.SignOutAsync();
        return Redirect("/login");
    }
}
