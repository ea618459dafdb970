using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The district dashboard from the lights projection: counts by light, category, unit and indicator, lagging tasks,
/// late units and the trend over the year's months.
/// </summary>
public static class DistrictDashboardQuery
{
    public static async Task<V1.DistrictDashboard> BuildAsync(
        ReportingDbContext db, string tenant, string period, CancellationToken cancellationToken)
    {
        var year = period[..4];
        var active = db.Tasks.Where(t => t.TenantId == tenant && t.Active).Select(t => t.Id);
        var rows = await db.Lights.AsNoTracking()
            .Where(l => l.TenantId == tenant
                && active.Contains(l.TaskId)
                && string.Compare(l.Period, period) <= 0
                && l.Period.StartsWith(year))
            .ToListAsync(cancellationToken);
        var current = rows.Where(r => r.Period == period).ToList();

        var dashboard = new V1.DistrictDashboard
        {
            Period = period,
            Total = Count("total", "全部", current),
            Disagreements = current.Count(r => r.Disagreement),
            Reported = current.Count(IsReported),
            // Of those reported, the ones first submitted by the due date: a report returned to its unit is no longer
            // handed in, so it is not counted on time either (it was, which showed more on time than reported).
            OnTime = current.Count(r => IsReported(r) && r.ReportedOnTime == true),
            Accepted = current.Count(r => r.ReportStatus == ReportStatus.Accepted),
        };
        dashboard.ByCategory.AddRange(current.GroupBy(r => r.Category ?? "（无类别）")
            .OrderBy(g => g.Min(r => r.TaskOrder)).Select(g => Count(g.Key, g.Key, g.ToList())));
        dashboard.ByUnit.AddRange(current.GroupBy(r => (r.LeadUnitId, r.LeadUnitName))
            .OrderByDescending(g => g.Count(r => r.Light == Light.Red))
            .ThenBy(g => g.Key.LeadUnitName, StringComparer.Ordinal)
            .Select(g => Count(g.Key.LeadUnitId.ToString(), g.Key.LeadUnitName, g.ToList())));
        // Keyed by the indicator as stored, named as Chinese screens show it (a B-READY topic's Chinese name).
        dashboard.ByIndicator.AddRange(current
            .SelectMany(r => r.Indicators.Select(i => (Indicator: i, Row: r)))
            .GroupBy(x => x.Indicator)
            .OrderBy(g => CanonicalIndicators.Order(g.Key))
            .Select(g => Count(g.Key, CanonicalIndicators.ChineseName(g.Key), g.Select(x => x.Row).ToList())));
        dashboard.Lagging.AddRange(current.Where(r => r.Light != Light.Green)
            .OrderByDescending(r => r.Light).ThenBy(r => r.TaskOrder)
            .Select(r => new V1.LaggingTask
            {
                TaskId = r.TaskId.ToString(),
                Number = r.TaskNumber,
                Category = r.Category ?? string.Empty,
                LeadUnit = r.LeadUnitName,
                Light = (V1.Light)(int)r.Light,
                Reasons = Wording.Printable(r.Reasons),
                Problems = r.Problems ?? string.Empty,
                Disagreement = r.Disagreement,
            }));
        dashboard.LateUnits.AddRange(current.Where(r => r.Overdue).GroupBy(r => (r.LeadUnitId, r.LeadUnitName))
            .OrderByDescending(g => g.Count())
            .Select(g => Count(g.Key.LeadUnitId.ToString(), g.Key.LeadUnitName, g.ToList())));
        dashboard.Trend.AddRange(rows.GroupBy(r => r.Period).OrderBy(g => g.Key)
            .Select(g => Count(g.Key, g.Key, g.ToList())));
        return dashboard;
    }

    private static bool IsReported(TaskLight row) =>
        row.ReportStatus is ReportStatus.Submitted or ReportStatus.Accepted;

    internal static V1.LightCounts Count(string key, string name, IReadOnlyCollection<TaskLight> rows) => new()
    {
        Key = key,
        Name = name,
        Green = rows.Count(r => r.Light == Light.Green),
        Yellow = rows.Count(r => r.Light == Light.Yellow),
        Red = rows.Count(r => r.Light == Light.Red),
        Overdue = rows.Count(r => r.Overdue),
    };
}
