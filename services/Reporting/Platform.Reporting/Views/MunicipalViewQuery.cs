using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The municipal view: the districts under a municipality side by side — their lights and on-time report rate, each
/// canonical indicator's tasks and lights per district (a zero is a coverage gap), and the most ambitious comparable
/// target of each district. Grouped in the database over the lights and comparable-targets projections.
/// </summary>
public static class MunicipalViewQuery
{
    public static async Task<V1.MunicipalView> BuildAsync(ReportingDbContext db, string municipality, string period, CancellationToken cancellationToken)
    {
        var prefix = DivisionCode.OverseenPrefix(municipality) ?? throw new ArgumentException($"{municipality} oversees no districts", nameof(municipality));
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);

        var totals = await db.Lights.AsNoTracking()
            .Where(l => l.Period == period && l.TenantId != municipality && l.TenantId.StartsWith(prefix))
            .GroupBy(l => l.TenantId)
            .Select(g => new
            {
                TenantId = g.Key,
                Tasks = g.Select(l => l.TaskId).Distinct().Count(),
                Green = g.Count(l => l.Light == Light.Green),
                Yellow = g.Count(l => l.Light == Light.Yellow),
                Red = g.Count(l => l.Light == Light.Red),
                Overdue = g.Count(l => l.Overdue),
                Due = g.Count(l => l.ReportedOnTime != null),
                OnTime = g.Count(l => l.ReportedOnTime == true),
            })
            .ToDictionaryAsync(x => x.TenantId, cancellationToken);
        var names = await db.Districts.AsNoTracking()
            .Where(d => d.TenantId != municipality && d.TenantId.StartsWith(prefix))
            .ToDictionaryAsync(d => d.TenantId, d => d.Name, cancellationToken);
        var cells = await db.Database.SqlQuery<IndicatorCount>($"""
            SELECT l.tenant_id AS "TenantId", i.indicator AS "Indicator", count(DISTINCT l."TaskId")::int AS "Tasks",
                   count(*) FILTER (WHERE l."Light" = 'Green')::int AS "Green",
                   count(*) FILTER (WHERE l."Light" = 'Yellow')::int AS "Yellow",
                   count(*) FILTER (WHERE l."Light" = 'Red')::int AS "Red"
            FROM task_lights AS l CROSS JOIN LATERAL unnest(l."Indicators") AS i(indicator)
            WHERE l."Period" = {period} AND l.tenant_id LIKE {prefix + "%"} AND l.tenant_id <> {municipality}
            GROUP BY l.tenant_id, i.indicator
            """).ToListAsync(cancellationToken);
        // Each district's most ambitious target per indicator, unit and direction, picked in the database.
        var targets = await db.Database.SqlQuery<BestTarget>($"""
            SELECT DISTINCT ON (c.tenant_id, c."Indicator", c."Unit", c."Direction" IN ('Decrease', 'AtMost'))
                   c.tenant_id AS "TenantId", c."Indicator" AS "Indicator", c."Unit" AS "Unit",
                   c."Direction" IN ('Decrease', 'AtMost') AS "LowerIsBetter",
                   c."TaskNumber" AS "TaskNumber", c."Text" AS "Text", c."Value" AS "Value", c."Baseline" AS "Baseline"
            FROM comparable_targets AS c
            WHERE c."Year" = {year} AND c.tenant_id LIKE {prefix + "%"} AND c.tenant_id <> {municipality}
            ORDER BY c.tenant_id, c."Indicator", c."Unit", c."Direction" IN ('Decrease', 'AtMost'),
                     CASE WHEN c."Direction" IN ('Decrease', 'AtMost') THEN c."Value" ELSE -c."Value" END
            """).ToListAsync(cancellationToken);

        var districts = names.Keys.Union(totals.Keys).Order(StringComparer.Ordinal).ToList();
        var view = new V1.MunicipalView { Period = period };
        var byCell = cells.ToDictionary(c => (c.TenantId, c.Indicator));
        foreach (var district in districts)
        {
            var column = new V1.DistrictColumn { TenantId = district, Name = names.GetValueOrDefault(district, district) };
            if (totals.TryGetValue(district, out var t))
            {
                column.Tasks = t.Tasks;
                column.Green = t.Green;
                column.Yellow = t.Yellow;
                column.Red = t.Red;
                column.Overdue = t.Overdue;
                column.Due = t.Due;
                column.OnTime = t.OnTime;
                column.OnTimeRate = t.Due == 0 ? 0 : Math.Round((double)t.OnTime / t.Due, 4);
            }

            column.Uncovered.AddRange(CanonicalIndicators.Ndrc.Where(i => !byCell.ContainsKey((district, i))));
            view.Districts.Add(column);
        }

        foreach (var indicator in CanonicalIndicators.All.Union(cells.Select(c => c.Indicator).Order(StringComparer.Ordinal)))
        {
            var row = new V1.IndicatorRow { Indicator = indicator };
            row.Cells.AddRange(districts.Select(d => byCell.TryGetValue((d, indicator), out var c)
                ? new V1.IndicatorCell { TenantId = d, Tasks = c.Tasks, Green = c.Green, Yellow = c.Yellow, Red = c.Red }
                : new V1.IndicatorCell { TenantId = d }));
            view.Indicators.Add(row);
        }

        view.Comparable.AddRange(Compare(targets));
        return view;
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

    private sealed class IndicatorCount
    {
        public required string TenantId { get; init; }

        public required string Indicator { get; init; }

        public int Tasks { get; init; }

        public int Green { get; init; }

        public int Yellow { get; init; }

        public int Red { get; init; }
    }
}
