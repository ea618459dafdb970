using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
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
    /// <summary>
    /// The view of <paramref name="division"/>'s month; with a <paramref name="cache"/>, the one this host built before
    /// when the division's stamp has not moved since. Whoever may open a division reads everything under it, so one
    /// view serves every viewer allowed to ask for it (the caller checks that).
    /// </summary>
    public static async Task<V1.MunicipalView> BuildAsync(
        ReportingDbContext db,
        string division,
        string period,
        CancellationToken cancellationToken,
        DivisionViewCache? cache = null)
    {
        // One connection for the view's statements: its tenant context is signed once, not at each statement's open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var columns = Columns.Of(division);
            var stamp = cache is null
                ? null
                : await StampAsync(db, division, period, columns.UnderPrefix, cancellationToken);
            V1.MunicipalView view;
            if (stamp is { } known && cache!.Find(division, period, known) is { } kept)
            {
                view = kept;
            }
            else
            {
                view = await BuildOpenAsync(db, division, period, columns, cancellationToken);
                if (stamp is { } built)
                {
                    cache!.Keep(division, period, built, view);
                }
            }

            var answer = PerCall(view);
            var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
            await YearColumns.FillAsync(db, answer, division, year, cancellationToken);
            return answer;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The view as one call answers it: its columns its own (the year's figures are read at each call and the caller
    /// sets the parent), the indicator rows and targets shared with the kept view, which nothing changes.
    /// </summary>
    private static V1.MunicipalView PerCall(V1.MunicipalView view)
    {
        var answer = new V1.MunicipalView
        {
            Period = view.Period, Division = view.Division, Name = view.Name,
        };
        answer.Districts.AddRange(view.Districts.Select(c => c.Clone()));
        answer.Indicators.AddRange(view.Indicators);
        answer.Comparable.AddRange(view.Comparable);
        return answer;
    }

    /// <summary>
    /// The division month's stamp (null before its first roll-up: nothing to keep a view under) and, below a 直辖市 or
    /// a prefecture, the number of districts registered there (a new district is a new column before it has counts).
    /// </summary>
    private static async Task<(long Version, long Districts)?> StampAsync(
        ReportingDbContext db, string division, string period, string? prefix, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT \"Version\", CASE WHEN @prefix IS NULL THEN 0 " +
            "ELSE (SELECT count(*) FROM districts WHERE tenant_id LIKE @prefix) END " +
            "FROM view_stamps WHERE tenant_id = @division AND \"Period\" = @period",
            (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter<string?>("prefix", NpgsqlDbType.Text)
        {
            TypedValue = prefix is null ? null : prefix + "%",
        });
        command.Parameters.Add(new NpgsqlParameter<string>("division", NpgsqlDbType.Text) { TypedValue = division });
        command.Parameters.Add(new NpgsqlParameter<string>("period", NpgsqlDbType.Text) { TypedValue = period });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && db.Tenant.CanRead(division)
            ? (reader.GetInt64(0), reader.GetInt64(1))
            : null;
    }

    /// <summary>The children of a division that are its columns, as the division table places them.</summary>
    private sealed record Columns(
        List<string> Children, List<string> Counties, List<string> Divisions, string? UnderPrefix)
    {
        public static Columns Of(string division)
        {
            var tree = DivisionTree.Standard;
            var children = (division == DivisionRollups.Country ? tree.Children(null) : tree.Children(division))
                .Select(c => c.Code)
                .ToList();
            var counties = children.Where(c => tree.Find(c)?.Level == DivisionLevel.County).ToList();
            var divisions = children.Except(counties).ToList();

            // Below a 直辖市 or a prefecture every column is a district: the registered ones under the division,
            // including districts whose codes the table does not know (newer than its edition), placed by their digits.
            // So their rows are asked by the division's prefix and sorted out by the caller.
            var underPrefix = counties.Count > 0 && divisions.Count == 0 ? DivisionCode.OverseenPrefix(division) : null;
            return new Columns(children, counties, divisions, underPrefix);
        }
    }

    private static async Task<V1.MunicipalView> BuildOpenAsync(
        ReportingDbContext db, string division, string period, Columns columns, CancellationToken cancellationToken)
    {
        var tree = DivisionTree.Standard;
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var (children, counties, divisions, underPrefix) =
            (columns.Children, columns.Counties, columns.Divisions, columns.UnderPrefix);
        var read = await ViewRows.ReadAsync(db, underPrefix, counties, divisions, period, year, cancellationToken);

        var registered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in read.Districts)
        {
            var placed = underPrefix is null
                ? counties.Contains(code)
                : code != division
                    && (tree.Contains(code) ? counties.Contains(code) : DivisionRollups.ParentOf(code) == division);
            if (placed)
            {
                registered[code] = name;
            }
        }

        counties = [.. counties.Union(registered.Keys)];
        var rows = read.Totals
            .Where(r => r.IsDistrict ? counties.Contains(r.Row.TenantId) : divisions.Contains(r.Row.TenantId))
            .ToList();
        var totals = rows.Where(r => r.Row.Dimension == TotalsDimension.Total).ToDictionary(r => r.Row.TenantId);
        var cells = rows.Where(r => r.Row.Dimension == TotalsDimension.Indicator)
            .ToDictionary(r => (r.Row.TenantId, r.Row.Key), r => r.Row);
        var shown = children.Union(registered.Keys)
            .Where(c => registered.ContainsKey(c) || totals.ContainsKey(c))
            .Order(StringComparer.Ordinal)
            .ToList();

        var view = new V1.MunicipalView { Period = period, Division = division, Name = NameOf(division, registered) };
        foreach (var code in shown)
        {
            var column = new V1.DistrictColumn
            {
                TenantId = code, Name = NameOf(code, registered), IsDistrict = counties.Contains(code),
            };
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

            column.Uncovered.AddRange(
                CanonicalIndicators.Ndrc.Where(i => !(cells.TryGetValue((code, i), out var c) && c.Tasks > 0)));
            view.Districts.Add(column);
        }

        var others = cells.Keys.Select(k => k.Key).Order(StringComparer.Ordinal);
        foreach (var indicator in CanonicalIndicators.All.Union(others))
        {
            // The indicator as stored, and the name Chinese screens show (a B-READY topic's Chinese name).
            var row = new V1.IndicatorRow
            {
                Indicator = indicator, IndicatorName = CanonicalIndicators.ChineseName(indicator),
            };
            row.Cells.AddRange(shown.Select(c => cells.TryGetValue((c, indicator), out var x)
                ? new V1.IndicatorCell
                {
                    TenantId = c, Tasks = x.Tasks, Green = x.Green, Yellow = x.Yellow, Red = x.Red,
                }
                : new V1.IndicatorCell { TenantId = c }));
            view.Indicators.Add(row);
        }

        var districts = view.Districts.Where(c => c.IsDistrict)
            .Select(c => c.TenantId)
            .ToHashSet(StringComparer.Ordinal);
        if (districts.Count >= 2)
        {
            view.Comparable.AddRange(
                ComparableTargetsQuery.Rank(read.Targets.Where(t => districts.Contains(t.TenantId))));
        }

        return view;
    }

    /// <summary>
    /// The division one level up that a viewer of <paramref name="viewer"/> may open, or null at its own.
    /// </summary>
    public static string? ParentWithin(string division, string viewer) =>
        division == viewer || division == DivisionRollups.Country
            ? null
            : DivisionRollups.ParentOf(division) is var parent
                && (parent == viewer || DivisionCode.Oversees(viewer, parent) || viewer == DivisionRollups.Country)
                ? parent
                : null;

    public static string NameOf(string code, IReadOnlyDictionary<string, string>? registered = null) =>
        code == DivisionRollups.Country
            ? "全国"
            : DivisionTree.Standard.Find(code)?.Name
                ?? (registered is not null && registered.TryGetValue(code, out var name) ? name : code);
}
