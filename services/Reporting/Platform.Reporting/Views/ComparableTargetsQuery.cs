using Platform.Contracts;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The districts' most ambitious typed targets compared (开办企业 in 1 工作日 here, 2 there): per indicator, metric
/// unit and direction, each district's best target (marked when its list is published), ranked.
/// </summary>
public static class ComparableTargetsQuery
{
    /// <summary>Per indicator, unit and direction, the districts' best targets ranked (ties share a rank).</summary>
    public static IEnumerable<V1.ComparableTargets> Rank(IEnumerable<BestTarget> best) =>
        best
            .GroupBy(t => (t.Indicator, t.Unit, t.LowerIsBetter))
            .Where(g => g.Skip(1).Any())
            .Select(g =>
            {
                var ranked = (g.Key.LowerIsBetter ? g.OrderBy(t => t.Value) : g.OrderByDescending(t => t.Value))
                    .ThenBy(t => t.TenantId, StringComparer.Ordinal)
                    .ToList();
                var group = new V1.ComparableTargets
                {
                    Indicator = g.Key.Indicator,
                    IndicatorName = CanonicalIndicators.ChineseName(g.Key.Indicator),
                    Unit = g.Key.Unit,
                    LowerIsBetter = g.Key.LowerIsBetter,
                };
                // Sorted best first, a target's rank is one more than the number of targets before the first of its
                // value.
                var rank = 0;
                for (var i = 0; i < ranked.Count; i++)
                {
                    var t = ranked[i];
                    rank = i > 0 && ranked[i - 1].Value == t.Value ? rank : i + 1;
                    var cell = new V1.TargetCell
                    {
                        TenantId = t.TenantId,
                        TaskNumber = t.TaskNumber,
                        Text = t.Text,
                        Value = (double)t.Value,
                        Rank = rank,
                    };
                    if (t.Baseline is { } baseline)
                    {
                        cell.Baseline = (double)baseline;
                    }

                    group.Cells.Add(cell);
                }

                return group;
            })
            .OrderBy(g => CanonicalIndicators.Order(g.Indicator)).ThenBy(g => g.Unit, StringComparer.Ordinal);

    /// <summary>
    /// A district's most ambitious target per indicator, unit and direction
    /// (<see cref="Domain.ComparableTarget.Best"/>).
    /// </summary>
    public sealed class BestTarget
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
