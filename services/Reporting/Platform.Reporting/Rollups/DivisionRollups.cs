using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Rollups;

/// <summary>
/// Sums the districts' <see cref="TenantTotals"/> up the GB/T 2260 tree into <see cref="DivisionRollup"/> rows: a
/// prefecture from its counties, a province from its prefectures and the counties directly under it (a 直辖市's
/// districts, a 省直辖县级 city), the country from the provinces. Each division is recounted from its children's rows
/// only, so a view of any division reads O(children × indicators) rows however many reports lie below.
/// <para>
/// The districts' rows are exact at every commit (a trigger keeps them); the divisions above follow within one
/// <see cref="Jobs.RollupWorker"/> tick. A district month changed since the last pass carries <c>Stale</c> on its
/// total row;
/// <see cref="RefreshAsync"/> claims those rows (skipping any a writer holds, which stay for the next pass) and
/// recounts their ancestors bottom-up. If the recount fails the claim is given back; if the process dies in between,
/// the next start recounts everything (<see cref="RebuildAsync"/>). Runs in the system context.
/// </para>
/// </summary>
public sealed class DivisionRollups(ReportingDbContext db)
{
    /// <summary>The country's code in the roll-up: GB/T 2260 gives the country none.</summary>
    public const string Country = "000000";

    /// <summary>
    /// One roll-up at a time across the service's replicas (the recounts would only repeat each other).
    /// </summary>
    public const long LockKey = 0x2260_0001;

    /// <summary>
    /// Recounts the divisions above every district month changed since the last pass; returns the division months
    /// written.
    /// </summary>
    public Task<int> RefreshAsync(CancellationToken cancellationToken) =>
        AloneAsync(ClaimAndRecountAsync, cancellationToken);

    /// <summary>
    /// Recounts every division of every month from the districts' rows (at start, and after a restore).
    /// </summary>
    public Task<int> RebuildAsync(CancellationToken cancellationToken) =>
        AloneAsync(RecountAllAsync, cancellationToken);

    private async Task<int> ClaimAndRecountAsync(CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQuery<DistrictMonth>($"""
            UPDATE tenant_totals SET "Stale" = false
            WHERE ctid IN (
                SELECT ctid FROM tenant_totals WHERE "Stale" AND "Dimension" = 'total' FOR UPDATE SKIP LOCKED)
            RETURNING tenant_id AS "TenantId", "Period"
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        try
        {
            return await RecountAsync(
                claimed.Select(c => c.TenantId),
                claimed.Select(c => c.Period),
                cancellationToken);
        }
        catch
        {
            // Give the claim back so that the next pass recounts these months.
            var tenants = claimed.Select(c => c.TenantId).ToArray();
            var periods = claimed.Select(c => c.Period).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE tenant_totals AS t SET "Stale" = true
                FROM unnest({tenants}::text[], {periods}::text[]) AS c(tenant, period)
                WHERE t.tenant_id = c.tenant AND t."Period" = c.period AND t."Dimension" = 'total'
                """, CancellationToken.None);
            throw;
        }
    }

    private async Task<int> RecountAllAsync(CancellationToken cancellationToken)
    {
        var months = await db.Database.SqlQuery<DistrictMonth>($"""
            SELECT DISTINCT tenant_id AS "TenantId", "Period" FROM tenant_totals WHERE "Dimension" = 'total'
            """).ToListAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE tenant_totals SET "Stale" = false WHERE "Stale" """,
            cancellationToken);
        var stray = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM division_rollups r
            WHERE NOT EXISTS (SELECT 1 FROM tenant_totals t WHERE t."Period" = r."Period" AND t."Dimension" = 'total')
            """, cancellationToken);
        return stray + await RecountAsync(
            months.Select(m => m.TenantId),
            months.Select(m => m.Period),
            cancellationToken);
    }

    /// <summary>
    /// Runs a pass holding a session lock, so that two replicas never interleave their recounts (an older sum could
    /// land after a newer one). A replica that finds the lock taken skips the pass: the other one does the work.
    /// </summary>
    private async Task<int> AloneAsync(Func<CancellationToken, Task<int>> pass, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var alone = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!alone)
            {
                return 0;
            }

            try
            {
                return await pass(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The parent of a division in the roll-up: its parent in the table, else one derived from the code.
    /// </summary>
    public static string ParentOf(string code)
    {
        if (code == Country)
        {
            throw new ArgumentException("the country has no parent", nameof(code));
        }

        if (DivisionTree.Standard.Find(code) is { } known)
        {
            return known.Parent ?? Country;
        }

        // A code the table does not know yet (a division created after the table's edition): place it by its digits.
        if (code.EndsWith("0000", StringComparison.Ordinal))
        {
            return Country;
        }

        var prefecture = code[..4] + "00";
        return !code.EndsWith("00", StringComparison.Ordinal) && DivisionTree.Standard.Contains(prefecture)
            ? prefecture
            : code[..2] + "0000";
    }

    private async Task<int> RecountAsync(
        IEnumerable<string> districts,
        IEnumerable<string> months,
        CancellationToken cancellationToken)
    {
        var periods = months.Distinct(StringComparer.Ordinal).ToArray();
        // Every district and division with rows, placed under its parent: the children of the divisions recounted.
        var changed = districts.Distinct(StringComparer.Ordinal).ToList();
        // Only the months recounted matter: one total row per district and month, not every dimension of every month.
        var known = await db.Database.SqlQuery<string>($"""
            SELECT DISTINCT tenant_id AS "Value" FROM tenant_totals
            WHERE "Dimension" = 'total' AND "Period" = ANY({periods})
            """).ToListAsync(cancellationToken);
        var edges = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in known.Concat(changed))
        {
            for (var child = code; child != Country && !edges.ContainsKey(child); child = edges[child])
            {
                edges[child] = ParentOf(child);
            }
        }

        // The divisions to recount, deepest first: a parent is recounted after all of its changed children.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [Country] = 0 };
        int Depth(string code) => depth.TryGetValue(code, out var d) ? d : depth[code] = 1 + Depth(edges[code]);
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var district in changed)
        {
            for (var code = district; code != Country;)
            {
                code = edges[code];
                dirty.Add(code);
            }
        }

        var written = 0;
        foreach (var level in dirty.GroupBy(Depth).OrderByDescending(g => g.Key))
        {
            var parents = level.ToHashSet(StringComparer.Ordinal);
            var pairs = edges.Where(e => parents.Contains(e.Value)).ToList();
            written += await RecountLevelAsync(
                [.. parents],
                [.. pairs.Select(p => p.Key)],
                [.. pairs.Select(p => p.Value)],
                periods,
                cancellationToken);
        }

        // Only after the counts are written: a view built from the old counts must never be kept under the new stamp.
        string[] recounted = [.. dirty];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO view_stamps AS s (tenant_id, "Period", "Version")
            SELECT d, p, 1 FROM unnest({recounted}::text[]) AS d CROSS JOIN unnest({periods}::text[]) AS p
            ON CONFLICT (tenant_id, "Period") DO UPDATE SET "Version" = s."Version" + 1
            """, cancellationToken);
        return written;
    }

    /// <summary>
    /// One set-based statement per level: the children's rows (districts' totals and indicators, divisions' roll-ups)
    /// summed per parent, written where they differ, and a parent's rows that no child supports any more removed.
    /// </summary>
    private async Task<int> RecountLevelAsync(
        string[] parents,
        string[] children,
        string[] childParents,
        string[] periods,
        CancellationToken cancellationToken)
    {
        // Not composed (ToList, not Single): a WITH holding INSERT and DELETE must stay the top-level statement.
        return await db.Database.SqlQuery<int>($"""
            WITH edges AS (
                SELECT e.child, e.parent FROM unnest({children}::text[], {childParents}::text[]) AS e(child, parent)),
            source AS (
                SELECT e.parent, t."Period", t."Dimension", t."Key",
                       t."Tasks", t."Owed", t."Green", t."Yellow", t."Red",
                       t."Overdue", t."Due", t."OnTime", t."Reported", t."Accepted",
                       CASE WHEN t."Owed" > 0 THEN 1 ELSE 0 END AS "Districts"
                FROM tenant_totals t JOIN edges e ON e.child = t.tenant_id
                WHERE t."Period" = ANY({periods}) AND t."Dimension" IN ('total', 'indicator')
                UNION ALL
                SELECT e.parent, r."Period", r."Dimension", r."Key",
                       r."Tasks", r."Owed", r."Green", r."Yellow", r."Red",
                       r."Overdue", r."Due", r."OnTime", r."Reported", r."Accepted", r."Districts"
                FROM division_rollups r JOIN edges e ON e.child = r.tenant_id
                WHERE r."Period" = ANY({periods})),
            fresh AS (
                SELECT parent, "Period", "Dimension", "Key", sum("Tasks")::int AS "Tasks", sum("Owed")::int AS "Owed",
                       sum("Green")::int AS "Green", sum("Yellow")::int AS "Yellow", sum("Red")::int AS "Red",
                       sum("Overdue")::int AS "Overdue", sum("Due")::int AS "Due", sum("OnTime")::int AS "OnTime",
                       sum("Reported")::int AS "Reported", sum("Accepted")::int AS "Accepted",
                       sum("Districts")::int AS "Districts"
                FROM source GROUP BY parent, "Period", "Dimension", "Key"),
            upserted AS (
                INSERT INTO division_rollups AS r (
                    tenant_id, "Period", "Dimension", "Key", "Tasks", "Owed", "Green", "Yellow", "Red",
                    "Overdue", "Due", "OnTime", "Reported", "Accepted", "Districts", "UpdatedAt")
                SELECT parent, "Period", "Dimension", "Key", "Tasks", "Owed", "Green", "Yellow", "Red",
                       "Overdue", "Due", "OnTime", "Reported", "Accepted", "Districts", now()
                FROM fresh
                ON CONFLICT (tenant_id, "Period", "Dimension", "Key") DO UPDATE SET
                    "Tasks" = EXCLUDED."Tasks", "Owed" = EXCLUDED."Owed", "Green" = EXCLUDED."Green",
                    "Yellow" = EXCLUDED."Yellow", "Red" = EXCLUDED."Red", "Overdue" = EXCLUDED."Overdue",
                    "Due" = EXCLUDED."Due", "OnTime" = EXCLUDED."OnTime", "Reported" = EXCLUDED."Reported",
                    "Accepted" = EXCLUDED."Accepted", "Districts" = EXCLUDED."Districts", "UpdatedAt" = now()
                WHERE (r."Tasks", r."Owed", r."Green", r."Yellow", r."Red", r."Overdue",
                       r."Due", r."OnTime", r."Reported", r."Accepted", r."Districts")
                    IS DISTINCT FROM (EXCLUDED."Tasks", EXCLUDED."Owed", EXCLUDED."Green", EXCLUDED."Yellow",
                                      EXCLUDED."Red", EXCLUDED."Overdue", EXCLUDED."Due", EXCLUDED."OnTime",
                                      EXCLUDED."Reported", EXCLUDED."Accepted", EXCLUDED."Districts")
                RETURNING 1),
            removed AS (
                DELETE FROM division_rollups r
                WHERE r.tenant_id = ANY({parents}) AND r."Period" = ANY({periods})
                  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.parent = r.tenant_id AND f."Period" = r."Period"
                                                         AND f."Dimension" = r."Dimension" AND f."Key" = r."Key")
                RETURNING 1)
            SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed))::int AS "Value"
            """).ToListAsync(cancellationToken) is [var written] ? written : 0;
    }

    private sealed class DistrictMonth
    {
        public required string TenantId { get; init; }

        public required string Period { get; init; }
    }
}
