using System.Security.Claims;

namespace Platform.Portal.Session;

/// <summary>Who is signed in, as the token named them at sign-in: what the portal shows them, never what it permits.</summary>
public sealed record Person(string Username, string Tenant, string TenantName, string? UnitId, string? UnitName, IReadOnlySet<string> Roles)
{
    public bool IsOffice => Roles.Contains("district-admin");

    public bool IsReporter => Roles.Contains("unit-reporter");

    public bool IsContributor => Roles.Contains("unit-contributor");

    public bool IsLeader => Roles.Contains("district-leader") || Roles.Contains("unit-leader");

    public bool IsMunicipal => Roles.Contains("municipal-viewer");

    public bool IsPlatformAdmin => Roles.Contains("platform-admin");

    /// <summary>Reads a district's dashboard (everyone in a district but a pure reporter or contributor).</summary>
    public bool SeesDashboard => IsOffice || IsLeader;

    public string RoleNames => string.Join("、", Roles.Select(RoleName));

    /// <summary>The roles a district office gives its people, in the order its forms list them.</summary>
    public static readonly string[] DistrictRoles = ["unit-reporter", "unit-contributor", "unit-leader", "district-leader", "district-admin"];

    public static string RoleName(string role) => role switch
    {
        "district-admin" => "区营商办",
        "district-leader" => "区领导",
        "unit-reporter" => "牵头单位填报人",
        "unit-contributor" => "责任单位填报人",
        "unit-leader" => "单位负责人",
        "municipal-viewer" => "市级查看",
        "platform-admin" => "平台管理员",
        _ => role,
    };

    public static Person From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(PortalSession.TenantClaim) ?? string.Empty,
        user.FindFirstValue(PortalSession.TenantNameClaim) ?? user.FindFirstValue(PortalSession.TenantClaim) ?? string.Empty,
        user.FindFirstValue(PortalSession.UnitClaim),
        user.FindFirstValue(PortalSession.UnitNameClaim),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}
