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
public sealed class DashboardService(ReportingDbContext db, ITenantContext caller, DivisionViewCache views)
    : V1.Dashboards.DashboardsBase
{
    public override Task<V1.DistrictDashboard> GetDistrictDashboard(
        V1.GetDistrictDashboardRequest request,
        ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        var tenant = caller.ReadTenant(request.TenantId, "district");
        return DistrictDashboardQuery.BuildAsync(db, tenant, RequirePeriod(request.Period), context.CancellationToken);
    }

    public override async Task<V1.MunicipalView> GetMunicipalView(
        V1.GetMunicipalViewRequest request,
        ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        if (!caller.Roles.Contains(PlatformRoles.MunicipalViewer)
            || caller.ReadPrefix is null
            || caller.TenantId is not { } viewer)
        {
            throw new ForbiddenException("Only a viewer of a division above the districts reads the comparison view.");
        }

        // A viewer opens its own division or any division under it, one level at a time from the columns.
        var division = string.IsNullOrEmpty(request.Division) ? viewer : request.Division;
        if (division != viewer && !DivisionCode.Oversees(viewer, division))
        {
            throw new ForbiddenException($"{division} is not under {viewer}.");
        }

        var view = await DivisionViewQuery.BuildAsync(
            db,
            division,
            RequirePeriod(request.Period),
            context.CancellationToken,
            views);
        if (DivisionViewQuery.ParentWithin(division, viewer) is { } parent)
        {
            view.Parent = parent;
            view.ParentName = DivisionViewQuery.NameOf(parent);
        }

        return view;
    }

    private static string RequirePeriod(string period)
    {
        ReportingCalls.ParsePeriod(period);
        return period;
    }
}
