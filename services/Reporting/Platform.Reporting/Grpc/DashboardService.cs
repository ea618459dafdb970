using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>The district dashboard: counts of lights by category and unit, lagging tasks, late units, the trend.</summary>
public sealed class DashboardService(ReportingDbContext db, ITenantContext caller) : V1.Dashboards.DashboardsBase
{
    public override async Task<V1.DistrictDashboard> GetDistrictDashboard(V1.GetDistrictDashboardRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        var tenant = caller.TenantId ?? throw new ForbiddenException("The token names no tenant.");
        if (!PeriodKey.TryParse(request.Period, out var year, out _))
        {
            throw new ValidationException("period", "use yyyy-MM, e.g. 2023-07");
        }

        var active = db.Tasks.Where(t => t.TenantId == tenant && t.Active).Select(t => t.Id);
        var rows = await db.Lights.AsNoTracking()
            .Where(l => l.TenantId == tenant && active.Contains(l.TaskId) && string.Compare(l.Period, request.Period) <= 0 && l.Period.StartsWith(year.ToString()))
            .ToListAsync(context.CancellationToken);
        var current = rows.Where(r => r.Period == request.Period).ToList();

        var dashboard = new V1.DistrictDashboard
        {
            Period = request.Period,
            Total = Count("total", "全部", current),
            Disagreements = current.Count(r => r.Disagreement),
        };
        dashboard.ByCategory.AddRange(current.GroupBy(r => r.Category ?? "（无类别）")
            .OrderBy(g => g.Min(r => r.TaskOrder)).Select(g => Count(g.Key, g.Key, g.ToList())));
        dashboard.ByUnit.AddRange(current.GroupBy(r => (r.LeadUnitId, r.LeadUnitName))
            .OrderByDescending(g => g.Count(r => r.Light == Light.Red)).ThenBy(g => g.Key.LeadUnitName, StringComparer.Ordinal)
            .Select(g => Count(g.Key.LeadUnitId.ToString(), g.Key.LeadUnitName, g.ToList())));
        dashboard.Lagging.AddRange(current.Where(r => r.Light != Light.Green)
            .OrderByDescending(r => r.Light).ThenBy(r => r.TaskOrder)
            .Select(r => new V1.LaggingTask
            {
                TaskId = r.TaskId.ToString(), Number = r.TaskNumber, Category = r.Category ?? string.Empty, LeadUnit = r.LeadUnitName,
                Light = (V1.Light)(int)r.Light, Reasons = r.Reasons, Problems = r.Problems ?? string.Empty, Disagreement = r.Disagreement,
            }));
        dashboard.LateUnits.AddRange(current.Where(r => r.Overdue).GroupBy(r => (r.LeadUnitId, r.LeadUnitName))
            .OrderByDescending(g => g.Count()).Select(g => Count(g.Key.LeadUnitId.ToString(), g.Key.LeadUnitName, g.ToList())));
        dashboard.Trend.AddRange(rows.GroupBy(r => r.Period).OrderBy(g => g.Key).Select(g => Count(g.Key, g.Key, g.ToList())));
        return dashboard;
    }

    private static V1.LightCounts Count(string key, string name, IReadOnlyCollection<TaskLight> rows) => new()
    {
        Key = key,
        Name = name,
        Green = rows.Count(r => r.Light == Light.Green),
        Yellow = rows.Count(r => r.Light == Light.Yellow),
        Red = rows.Count(r => r.Light == Light.Red),
        Overdue = rows.Count(r => r.Overdue),
    };
}
