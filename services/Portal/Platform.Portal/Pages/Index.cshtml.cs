using Microsoft.AspNetCore.Mvc;

namespace Platform.Portal.Pages;

/// <summary>Each persona starts where their work is.</summary>
public sealed class IndexModel : PortalPage
{
    public IActionResult OnGet() => Redirect(
        Me.IsOffice ? "/office/reviews"
        : Me.IsReporter ? "/my"
        : Me.IsContributor ? "/contributions"
        : Me.IsLeader ? "/dashboard"
        : Me.IsMunicipal ? "/municipal"
        : Me.IsPlatformAdmin ? "/admin/tenants"
        : "/inbox");
}
