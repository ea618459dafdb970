using Platform.Reporting.Views;

namespace Platform.Reporting.Tests;

/// <summary>
/// The ranking of the districts' comparable targets, alone: ties share a rank and the next rank skips them.
/// </summary>
public sealed class ComparableTargetRankTests
{
    [Fact]
    public void TiesShareARankAndTheNextRankCountsEveryBetterDistrict()
    {
        var ranked = ComparableTargetsQuery.Rank(
        [
            Target("500103", "开办企业", "工作日", lowerIsBetter: true, 2),
            Target("500104", "开办企业", "工作日", lowerIsBetter: true, 1),
            Target("500105", "开办企业", "工作日", lowerIsBetter: true, 1),
            Target("500106", "开办企业", "工作日", lowerIsBetter: true, 3),
            Target("500103", "市场主体", "户", lowerIsBetter: false, 300),
            Target("500104", "市场主体", "户", lowerIsBetter: false, 500),
            Target("500105", "市场主体", "户", lowerIsBetter: false, 300),
            // Alone in its indicator and unit: nothing to compare it with.
            Target("500106", "市场主体", "家", lowerIsBetter: false, 9),
        ]).ToList();

        Assert.Equal(2, ranked.Count);
        var days = ranked.Single(g => g.Unit == "工作日");
        Assert.Equal(
            [("500104", 1), ("500105", 1), ("500103", 3), ("500106", 4)],
            days.Cells.Select(c => (c.TenantId, c.Rank)));
        var entities = ranked.Single(g => g.Unit == "户");
        Assert.Equal([("500104", 1), ("500103", 2), ("500105", 2)], entities.Cells.Select(c => (c.TenantId, c.Rank)));
    }

    private static ComparableTargetsQuery.BestTarget Target(
        string tenant,
        string indicator,
        string unit,
        bool lowerIsBetter,
        decimal value) =>
        new()
    {
        TenantId = tenant,
        Indicator = indicator,
        Unit = unit,
        LowerIsBetter = lowerIsBetter,
        TaskNumber = "1",
        Text = $"{indicator} {value}{unit}",
        Value = value,
    };
}
