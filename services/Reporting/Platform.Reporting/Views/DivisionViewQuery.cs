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
/// the divisions' roll-ups only, so it costs O(columns × indicators) rows however many reports lie below; each table
/// is asked at most once, and only when a column needs it (every statement pays the row-level security check).
/// </summary>
public static class DivisionViewQuery
{
    public static async Task<V1.MunicipalView> BuildAsync(ReportingDbContext db, string division, string period, CancellationToken cancellationToken)
    {
        // One connection for the view's statements: its tenant context is signed once, not at each statement's open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await BuildOpenAsync(db, division, period, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<V1.MunicipalView> BuildOpenAsync(ReportingDbContext db, string division, string period, CancellationToken cancellationToken)
    {
        var tree = DivisionTree.Standard;
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var children = (division == DivisionRollups.Country ? tree.Children(null) : tree.Children(division)).Select(c => c.Code).ToList();
        var counties = children.Where(c => tree.Find(c)?.Level == DivisionLevel.County).ToList();
        var divisions = children.Except(counties).ToList();

        // Below a 直辖市 or a prefecture every column is a district: the registered ones under the division, including
        // districts whose codes the table does not know (newer than its edition), placed by their digits. So their
        // rows are asked by the division's prefix and sorted out here.
        var underPrefix = counties.Count > 0 && divisions.Count == 0 ? DivisionCode.OverseenPrefix(division) : null;
        var read = await ViewRows.ReadAsync(db, underPrefix, counties, divisions, period, year, cancellationToken);

        var registered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in read.Districts)
        {
            var placed = underPrefix is null ? counties.Contains(code)
                : code != division && (tree.Contains(code) ? counties.Contains(code) : DivisionRollups.ParentOf(code) == division);
            if (placed)
            {
                registered[code] = name;
            }
        }

        counties = [.. counties.Union(registered.Keys)];
        var rows = read.Totals.Where(r => r.IsDistrict ? counties.Contains(r.Row.TenantId) : divisions.Contains(r.Row.TenantId)).ToList();
        var totals = rows.Where(r => r.Row.Dimension == TotalsDimension.Total).ToDictionary(r => r.Row.TenantId);
        var cells = rows.Where(r => r.Row.Dimension == TotalsDimension.Indicator).ToDictionary(r => (r.Row.TenantId, r.Row.Key), r => r.Row);
        var shown = children.Union(registered.Keys).Where(c => registered.ContainsKey(c) || totals.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();

        var view = new V1.MunicipalView { Period = period, Division = division, Name = NameOf(division, registered) };
        foreach (var code in shown)
        {
            var column = new V1.DistrictColumn { TenantId = code, Name = NameOf(code, registered), IsDistrict = counties.Contains(code) };
            if (totals.TryGetValue(code, out var total))
            {
                var t = total.Row;
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

            column.Uncovered.AddRange(CanonicalIndicators.Ndrc.Where(i => !(cells.TryGetValue((code, i), out var c) && c.Tasks > 0)));
            view.Districts.Add(column);
        }

        foreach (var indicator in CanonicalIndicators.All.Union(cells.Keys.Select(k => k.Key).Order(StringComparer.Ordinal)))
        {
            var row = new V1.IndicatorRow { Indicator = indicator };
            row.Cells.AddRange(shown.Select(c => cells.TryGetValue((c, indicator), out var x)
                ? new V1.IndicatorCell { TenantId = c, Tasks = x.Tasks, Green = x.Green, Yellow = x.Yellow, Red = x.Red }
                : new V1.IndicatorCell { TenantId = c }));
            view.Indicators.Add(row);
        }

        var districts = view.Districts.Where(c => c.IsDistrict).Select(c => c.TenantId).ToHashSet(StringComparer.Ordinal);
        if (districts.Count >= 2)
        {
            view.Comparable.AddRange(ComparableTargetsQuery.Rank(read.Targets.Where(t => districts.Contains(t.TenantId))));
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
