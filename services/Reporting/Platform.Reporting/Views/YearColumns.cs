using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The comparison view's year column: per column, the year's completion rate (tasks whose completion report the
/// office accepted as 完成, over the year's tasks) and the on-time rate of the year's monthly reports. Counted per
/// district and added up into the division columns; nothing per unit is read, so no unit's score crosses a district.
/// Read at every call, after the cached part of the view: an accepted completion report does not move the stamp the
/// cache is kept under.
/// </summary>
internal static class YearColumns
{
    public static async Task FillAsync(
        ReportingDbContext db,
        V1.MunicipalView view,
        string division,
        int year,
        CancellationToken cancellationToken)
    {
        view.Year = year;
        if (view.Districts.Count == 0)
        {
            return;
        }

        // Every district under the division (the country's view: all of them); row-level security and the query
        // filter keep it to what the caller may read.
        var prefix = DivisionCode.OverseenPrefix(division) ?? string.Empty;
        var months = $"{year:D4}-";
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Active && t.Year == year && t.TenantId.StartsWith(prefix))
            .GroupBy(t => t.TenantId)
            .Select(g => new { Tenant = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var completed = await db.CompletionReports.AsNoTracking()
            .Where(r => r.Year == year
                && r.Status == ReportStatus.Accepted
                && r.Outcome == CompletionOutcome.Completed
                && r.TenantId.StartsWith(prefix))
            .GroupBy(r => r.TenantId)
            .Select(g => new { Tenant = g.Key, Count = g.Select(r => r.TaskId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var punctuality = await db.TenantTotals.AsNoTracking()
            .Where(t => t.Dimension == TotalsDimension.Total
                && t.Period.StartsWith(months)
                && t.TenantId.StartsWith(prefix))
            .GroupBy(t => t.TenantId)
            .Select(g => new { Tenant = g.Key, Due = g.Sum(t => t.Due), OnTime = g.Sum(t => t.OnTime) })
            .ToListAsync(cancellationToken);

        foreach (var column in view.Districts)
        {
            bool Under(string tenant) =>
                db.Tenant.CanRead(tenant)
                && (tenant == column.TenantId
                    || (!column.IsDistrict && DivisionCode.Oversees(column.TenantId, tenant)));
            column.YearTasks = tasks.Where(t => Under(t.Tenant)).Sum(t => t.Count);
            column.YearCompleted = completed.Where(c => Under(c.Tenant)).Sum(c => c.Count);
            column.YearDue = punctuality.Where(p => Under(p.Tenant)).Sum(p => p.Due);
            column.YearOnTime = punctuality.Where(p => Under(p.Tenant)).Sum(p => p.OnTime);
            column.YearCompletionRate = column.YearTasks == 0
                ? 0
                : Math.Round((double)column.YearCompleted / column.YearTasks, 4);
            column.YearOnTimeRate = column.YearDue == 0 ? 0 : Math.Round((double)column.YearOnTime / column.YearDue, 4);
        }
    }
}
