using Grpc.Core;
using Platform.MultiTenancy;
using Platform.Reporting.Views;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>
/// Dashboards, read from projections. A district's accounts read their district's; a municipal viewer reads its child
/// districts side by side and nothing else.
/// </summary>
public sealed class DashboardService(ReportingDbContext db, ITenantContext caller) : V1.Dashboards.DashboardsBase
{
    public override Task<V1.DistrictDashboard> GetDistrictDashboard(V1.GetDistrictDashboardRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        var tenant = caller.ReadTenant(request.TenantId, "district");
        return DistrictDashboardQuery.BuildAsync(db, tenant, RequirePeriod(request.Period), context.CancellationToken);
    }

    public override Task<V1.MunicipalView> GetMunicipalView(V1.GetMunicipalViewRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        if (!caller.Roles.Contains(PlatformRoles.MunicipalViewer) || caller.ReadPrefix is null || caller.TenantId is not { } municipality)
        {
            throw new ForbiddenException("Only a municipal viewer reads the municipal view.");
        }

        return MunicipalViewQuery.BuildAsync(db, municipality, RequirePeriod(request.Period), context.CancellationToken);
    }

    private static string RequirePeriod(string period)
    {
        ReportingCalls.ParsePeriod(period);
        return period;
    }
}
