using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Reporting.Data;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The districts' most ambitious typed targets compared (开办企业 in 1 工作日 here, 2 there): per indicator, metric
/// unit and direction, each district's best target, ranked. Picked in the database over the comparable-targets
/// projection.
/// </summary>
public static class ComparableTargetsQuery
{
    public static async Task<IEnumerable<V1.ComparableTargets>> RankAsync(ReportingDbContext db, string[] districts, int year, CancellationToken cancellationToken)
    {
        var targets = await db.Database.SqlQuery<BestTarget>($"""
            SELECT DISTINCT ON (c.tenant_id, c."Indicator", c."Unit", c."Direction" IN ('Decrease', 'AtMost'))
                   c.tenant_id AS "TenantId", c."Indicator" AS "Indicator", c."Unit" AS "Unit",
                   c."Direction" IN ('Decrease', 'AtMost') AS "LowerIsBetter",
                   c."TaskNumber" AS "TaskNumber", c."Text" AS "Text", c."Value" AS "Value", c."Baseline" AS "Baseline"
            FROM comparable_targets AS c
            WHERE c."Year" = {year} AND c.tenant_id = ANY({districts})
            ORDER BY c.tenant_id, c."Indicator", c."Unit", c."Direction" IN ('Decrease', 'AtMost'),
                     CASE WHEN c."Direction" IN ('Decrease', 'AtMost') THEN c."Value" ELSE -c."Value" END
            """).ToListAsync(cancellationToken);
        return Compare(targets);
    }

    /// <summary>Per indicator, unit and direction, the districts' best targets ranked (ties share a rank).</summary>
    private static IEnumerable<V1.ComparableTargets> Compare(IEnumerable<BestTarget> best) =>
        best
            .GroupBy(t => (t.Indicator, t.Unit, t.LowerIsBetter))
            .Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var ranked = (g.Key.LowerIsBetter ? g.OrderBy(t => t.Value) : g.OrderByDescending(t => t.Value)).ThenBy(t => t.TenantId, StringComparer.Ordinal).ToList();
                var group = new V1.ComparableTargets { Indicator = g.Key.Indicator, Unit = g.Key.Unit, LowerIsBetter = g.Key.LowerIsBetter };
                group.Cells.AddRange(ranked.Select(t =>
                {
                    var cell = new V1.TargetCell
                    {
                        TenantId = t.TenantId,
                        TaskNumber = t.TaskNumber,
                        Text = t.Text,
                        Value = (double)t.Value,
                        Rank = 1 + ranked.Count(o => g.Key.LowerIsBetter ? o.Value < t.Value : o.Value > t.Value),
                    };
                    if (t.Baseline is { } baseline)
                    {
                        cell.Baseline = (double)baseline;
                    }

                    return cell;
                }));
                return group;
            })
            .OrderBy(g => CanonicalIndicators.Order(g.Indicator)).ThenBy(g => g.Unit, StringComparer.Ordinal);

    private sealed class BestTarget
    {
        public required string TenantId { get; init; }

        public required string Indicator { get; init; }

        public required string Unit { get; init; }

        public bool LowerIsBetter { get; init; }

        public required string TaskNumber { get; init; }

        public required string Text { get; init; }

        public decimal Value { get; init; }

        public decimal? Baseline { get; init; }
    }

}
