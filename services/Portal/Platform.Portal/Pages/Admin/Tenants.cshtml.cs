using Microsoft.AspNetCore.Mvc;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Pages.Admin;

/// <summary>
/// The platform's divisions (platform administrators): provisioning a district under its parent, as the GB/T 2260
/// table names it, with its first district-admin (a one-time password shown once); suspending and resuming one.
/// </summary>
public sealed class TenantsModel : PortalPage
{
    public IReadOnlyList<UnitsV1.Tenant> Tenants { get; private set; } = [];

    public (string Username, string Password)? Handover { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (TempData["handover-user"] is string user && TempData["handover-password"] is string password)
        {
            Handover = (user, password);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(
        string id, string? parentId, string? adminUsername, string? adminDisplayName)
    {
        var request = new UnitsV1.CreateTenantRequest
        {
            Id = id?.Trim() ?? string.Empty, ParentId = parentId?.Trim() ?? string.Empty,
            AdminUsername = adminUsername?.Trim() ?? string.Empty,
            AdminDisplayName = adminDisplayName?.Trim() ?? string.Empty,
        };
        UnitsV1.Tenant? created = null;
        if (!await TryAsync(async () => created = await Api.Tenants.CreateTenantAsync(request, await AsMe())))
        {
            await LoadAsync();
            return Page();
        }

        if (created!.FirstAdmin is { } admin)
        {
            TempData["handover-user"] = admin.Username;
            TempData["handover-password"] = admin.InitialPassword;
        }

        return Done($"已开通 {created.Name}（{created.Id}）。", "/admin/tenants");
    }

    public async Task<IActionResult> OnPostSuspendAsync(string id)
    {
        var tenant = await Api.Tenants.SuspendTenantAsync(new UnitsV1.TenantActionRequest { Id = id }, await AsMe());
        return Done($"已暂停 {tenant.Name}：其人员和对接系统不能再登录，现有登录在一分钟内失效；数据保留。");
    }

    public async Task<IActionResult> OnPostResumeAsync(string id)
    {
        var tenant = await Api.Tenants.ResumeTenantAsync(new UnitsV1.TenantActionRequest { Id = id }, await AsMe());
        return Done($"已恢复 {tenant.Name}。");
    }

    private async Task LoadAsync() =>
        Tenants = (await Api.Tenants.ListTenantsAsync(new UnitsV1.ListTenantsRequest(), await AsMe())).Tenants;
}
