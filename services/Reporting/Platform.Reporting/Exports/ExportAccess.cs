using Platform.MultiTenancy;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Exports;

/// <summary>The checks every export makes before generating a file: a district reader and a month.</summary>
internal static class ExportAccess
{
    /// <summary>The caller's district, or the problem to answer with.</summary>
    public static (string? Tenant, IResult? Problem) Check(ITenantContext caller, string? period)
    {
        if (!caller.Scopes.Contains(PlatformScopes.ReportsRead) || caller.TenantId is not { } tenant)
        {
            return (
                null,
                Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Not allowed",
                    detail: "This needs the 'reports.read' permission."));
        }

        return PeriodKey.TryParse(period, out _, out _)
            ? (tenant, null)
            : (
                null,
                Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The request is not valid",
                    detail: "period: use yyyy-MM, e.g. 2023-07"));
    }
}
