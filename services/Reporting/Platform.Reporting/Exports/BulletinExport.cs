using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Views;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Exports;

/// <summary>
/// The monthly bulletin (通报) to the district government as .docx: the summary figures, a chart and table of lights
/// by category, the lagging tasks with their problems and the units with late reports — from the dashboard projection.
/// </summary>
public static class BulletinExport
{
    public static IEndpointRouteBuilder MapBulletinExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/bulletin", async (
            string? period,
            ReportingDbContext db,
            ITenantContext caller,
            DistrictCalendar calendar,
            CancellationToken cancellationToken) =>
        {
            var (tenant, problem) = ExportAccess.Check(caller, period);
            if (problem is not null)
            {
                return problem;
            }

            var dashboard = await DistrictDashboardQuery.BuildAsync(db, tenant!, period!, cancellationToken);
            var name = await db.DistrictNameAsync(tenant!, cancellationToken);
            var bytes = BulletinDocument.Write(From(name, dashboard, calendar.Today));
            return Results.File(
                bytes,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"bulletin-{tenant}-{period}.docx");
        });
        return app;
    }

    public static BulletinData From(string districtName, V1.DistrictDashboard dashboard, DateOnly today)
    {
        var total = dashboard.Total;
        return new BulletinData(
            districtName,
            dashboard.Period,
            today,
            new BulletinTotals(
                total.Green + total.Yellow + total.Red, dashboard.Reported, dashboard.OnTime, dashboard.Accepted,
                total.Green, total.Yellow, total.Red, total.Overdue, dashboard.Disagreements),
            dashboard.ByCategory.Select(c => new BulletinCategory(c.Name, c.Green, c.Yellow, c.Red)).ToList(),
            dashboard.Lagging.Select(l => new BulletinLagging(
                l.Number,
                l.Category,
                l.LeadUnit,
                Wording.LightShort(l.Light == V1.Light.Red ? Light.Red : Light.Yellow),
                l.Reasons,
                l.Problems)).ToList(),
            dashboard.LateUnits.Select(u => new BulletinLateUnit(u.Name, u.Overdue)).ToList());
    }
}
