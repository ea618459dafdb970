using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Rollups;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The comparison view of one division: the level directly below it side by side — a 直辖市's districts, a province's
/// prefectures and the counties directly under it, a prefecture's counties, the country's provinces — with their
/// lights, report punctuality, each canonical indicator's tasks and lights per column (a zero is a coverage gap), and,
/// when the columns are districts, each one's most ambitious comparable target. Read from the districts' totals and
/// the divisions' roll-ups only, so it costs O(columns × indicators) rows however many reports lie below.
/// </summary>
public static class DivisionViewQuery
{
    public static async Task<V1.MunicipalView> BuildAsync(ReportingDbContext db, string division, string period, CancellationToken cancellationToken)
    {
        var tree = DivisionTree.Standard;
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var children = (division == DivisionRollups.Country ? tree.Children(null) : tree.Children(division)).Select(c => c.Code).ToList();
        // Below a 直辖市 or a prefecture the columns are counties: districts whose codes the table does not know (a
        // division newer than its edition) sit under the division their digits name.
        var countiesBelow = division != DivisionRollups.Country && children.All(c => tree.Find(c)?.Level == DivisionLevel.County);
        if (countiesBelow && DivisionCode.OverseenPrefix(division) is { } prefix)
        {
            var unknown = await db.Districts.AsNoTracking().Where(x => x.TenantId.StartsWith(prefix) && x.TenantId != division)
                .Select(x => x.TenantId).ToListAsync(cancellationToken);
            children.AddRange(unknown.Where(c => !tree.Contains(c) && DivisionRollups.ParentOf(c) == division));
        }

        string[] wanted = [TotalsDimension.Total, TotalsDimension.Indicator];
        var districtRows = await db.TenantTotals.AsNoTracking()
            .Where(t => children.Contains(t.TenantId) && t.Period == period && wanted.Contains(t.Dimension))
            .ToListAsync(cancellationToken);
        var divisionRows = await db.Rollups.AsNoTracking()
            .Where(r => children.Contains(r.TenantId) && r.Period == period)
            .ToListAsync(cancellationToken);
        var registered = await db.Districts.AsNoTracking().Where(x => children.Contains(x.TenantId))
            .ToDictionaryAsync(x => x.TenantId, x => x.Name, cancellationToken);

        var rows = districtRows.Select(t => (Row: (LightTotals)t, Districts: t.Owed > 0 ? 1 : 0, IsDistrict: true))
            .Concat(divisionRows.Select(r => (Row: (LightTotals)r, Districts: r.Districts, IsDistrict: false)))
            .ToList();
        var shown = children.Where(c => registered.ContainsKey(c) || rows.Any(r => r.Row.TenantId == c)).Distinct().Order(StringComparer.Ordinal).ToList();

        var view = new V1.MunicipalView
        {
            Period = period, Division = division, Name = NameOf(division, registered),
        };
        foreach (var code in shown)
        {
            var total = rows.FirstOrDefault(r => r.Row.TenantId == code && r.Row.Dimension == TotalsDimension.Total);
            var isDistrict = registered.ContainsKey(code) || total.IsDistrict;
            var column = new V1.DistrictColumn { TenantId = code, Name = NameOf(code, registered), IsDistrict = isDistrict };
            if (total.Row is { } t)
            {
                column.Tasks = t.Tasks;
                column.Owed = t.Owed;
                column.Green = t.Green;
                column.Yellow = t.Yellow;
                column.Red = t.Red;
                column.Overdue = t.Overdue;
                column.Due = t.Due;
                column.OnTime = t.OnTime;
                column.Reported = t.Reported;
                column.Accepted = t.Accepted;
                column.Districts = total.Districts;
                column.OnTimeRate = t.Due == 0 ? 0 : Math.Round((double)t.OnTime / t.Due, 4);
            }

            column.Uncovered.AddRange(CanonicalIndicators.Ndrc.Where(i =>
                !rows.Any(r => r.Row.TenantId == code && r.Row.Dimension == TotalsDimension.Indicator && r.Row.Key == i && r.Row.Tasks > 0)));
            view.Districts.Add(column);
        }

        var cells = rows.Where(r => r.Row.Dimension == TotalsDimension.Indicator).ToDictionary(r => (r.Row.TenantId, r.Row.Key), r => r.Row);
        foreach (var indicator in CanonicalIndicators.All.Union(cells.Keys.Select(k => k.Key).Order(StringComparer.Ordinal)))
        {
            var row = new V1.IndicatorRow { Indicator = indicator };
            row.Cells.AddRange(shown.Select(c => cells.TryGetValue((c, indicator), out var x)
                ? new V1.IndicatorCell { TenantId = c, Tasks = x.Tasks, Green = x.Green, Yellow = x.Yellow, Red = x.Red }
                : new V1.IndicatorCell { TenantId = c }));
            view.Indicators.Add(row);
        }

        var districts = view.Districts.Where(c => c.IsDistrict).Select(c => c.TenantId).ToArray();
        if (districts.Length >= 2)
        {
            view.Comparable.AddRange(await ComparableTargetsQuery.RankAsync(db, districts, year, cancellationToken));
        }

        return view;
    }

    /// <summary>The division one level up that a viewer of <paramref name="viewer"/> may open, or null at its own.</summary>
    public static string? ParentWithin(string division, string viewer) =>
        division == viewer || division == DivisionRollups.Country ? null : DivisionRollups.ParentOf(division) is var parent &&
        (parent == viewer || DivisionCode.Oversees(viewer, parent) || viewer == DivisionRollups.Country) ? parent : null;

    public static string NameOf(string code, IReadOnlyDictionary<string, string>? registered = null) =>
        code == DivisionRollups.Country ? "全国"
        : DivisionTree.Standard.Find(code)?.Name ?? (registered is not null && registered.TryGetValue(code, out var name) ? name : code);
}
