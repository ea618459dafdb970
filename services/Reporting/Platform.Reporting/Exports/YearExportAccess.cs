using Platform.MultiTenancy;

namespace Platform.Reporting.Exports;

/// <summary>
/// The checks of the year's exports, which carry the units' ranking: the district office or a district leader of
/// its own district, and a year.
/// </summary>
internal static class YearExportAccess
{
    public static (string? Tenant, int Year, IResult? Problem) Check(ITenantContext caller, int? year)
    {
        var office = caller.Roles.Contains(PlatformRoles.DistrictAdmin)
            || caller.Roles.Contains(PlatformRoles.DistrictLeader);
        if (!caller.Scopes.Contains(PlatformScopes.ReportsRead) || caller.TenantId is not { } tenant
            || caller.IsReadOnly || !DivisionCode.IsValid(tenant) || !office)
        {
            return (null, 0, Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed",
                detail: "年度总结和考核表只有区督办室和区领导可以下载。"));
        }

        return year is >= 2000 and <= 2100
            ? (tenant, year.Value, null)
            : (null, 0, Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request is not valid",
                detail: "year: 一个 2000 到 2100 之间的年份，例如 2023"));
    }
}
