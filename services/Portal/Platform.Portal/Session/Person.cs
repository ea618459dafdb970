using System.Security.Claims;
using Platform.MultiTenancy;

namespace Platform.Portal.Session;

/// <summary>
/// Who is signed in, as the token named them at sign-in: what the portal shows them, never what it permits.
/// </summary>
public sealed record Person(
    string Username, string Tenant, string TenantName, string? UnitId, string? UnitName, IReadOnlySet<string> Roles)
{
    public bool IsOffice => Roles.Contains(PlatformRoles.DistrictAdmin);

    public bool IsReporter => Roles.Contains(PlatformRoles.UnitReporter);

    public bool IsContributor => Roles.Contains(PlatformRoles.UnitContributor);

    public bool IsLeader => Roles.Contains(PlatformRoles.DistrictLeader) || Roles.Contains(PlatformRoles.UnitLeader);

    public bool IsMunicipal => Roles.Contains(PlatformRoles.MunicipalViewer);

    public bool IsPlatformAdmin => Roles.Contains(PlatformRoles.PlatformAdmin);

    /// <summary>Reads a district's dashboard (everyone in a district but a pure reporter or contributor).</summary>
    public bool SeesDashboard => IsOffice || IsLeader;

    public string RoleNames => string.Join("、", Roles.Select(RoleName));

    /// <summary>The roles a district office gives its people, in the order its forms list them.</summary>
    public static readonly string[] DistrictRoles =
    [
        PlatformRoles.UnitReporter, PlatformRoles.UnitContributor, PlatformRoles.UnitLeader,
        PlatformRoles.DistrictLeader, PlatformRoles.DistrictAdmin,
    ];

    public static string RoleName(string role) => role switch
    {
        PlatformRoles.DistrictAdmin => "区营商办",
        PlatformRoles.DistrictLeader => "区领导",
        PlatformRoles.UnitReporter => "牵头单位填报人",
        PlatformRoles.UnitContributor => "责任单位填报人",
        PlatformRoles.UnitLeader => "单位负责人",
        PlatformRoles.MunicipalViewer => "市级查看",
        PlatformRoles.PlatformAdmin => "平台管理员",
        _ => role,
    };

    public static Person From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(PortalSession.TenantClaim) ?? string.Empty,
        user.FindFirstValue(PortalSession.TenantNameClaim)
            ?? user.FindFirstValue(PortalSession.TenantClaim)
            ?? string.Empty,
        user.FindFirstValue(PortalSession.UnitClaim),
        user.FindFirstValue(PortalSession.UnitNameClaim),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}
