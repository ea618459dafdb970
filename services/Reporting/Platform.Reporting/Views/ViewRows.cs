using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Views;

/// <summary>
/// What a comparison view reads, in one round trip: the registered districts, the districts' totals and the
/// divisions' roll-ups of the month, and the districts' best comparable targets of the year. Read by hand rather than
/// through EF: the view is the platform's most-read page, and materialising its ~700 rows through EF cost more than
/// the statements themselves (重庆市: p50 27 → see the README's national table).
/// Row-level security guards every statement; each row is also checked against the caller's tenant context here,
/// the second layer EF's query filter gives every other read.
/// </summary>
internal sealed class ViewRows
{
    private const string Counts =
        "\"Tasks\", \"Owed\", \"Green\", \"Yellow\", \"Red\", \"Overdue\", " +
        "\"Due\", \"OnTime\", \"Reported\", \"Accepted\"";

    // The columns asked for: the named counties plus, below a 直辖市 or a prefecture, every registered district whose
    // code starts with the division's prefix (a district newer than the table's edition included).
    private const string Columns =
        "tenant_id = ANY(@counties || ARRAY(SELECT d.tenant_id::text FROM districts d WHERE d.tenant_id LIKE @prefix))";

    public List<(string Code, string Name)> Districts { get; } = [];

    public List<(LightTotals Row, int Districts, bool IsDistrict)> Totals { get; } = [];

    public List<ComparableTargetsQuery.BestTarget> Targets { get; } = [];

    /// <param name="prefix">The LIKE pattern of the districts under a 直辖市 or a prefecture, or null.</param>
    /// <param name="counties">The county-level children the division table names.</param>
    /// <param name="divisions">The children that are divisions with roll-ups (prefectures, provinces).</param>
    public static async Task<ViewRows> ReadAsync(
        ReportingDbContext db,
        string? prefix,
        IReadOnlyList<string> counties,
        IReadOnlyList<string> divisions,
        string period,
        int year,
        CancellationToken cancellationToken)
    {
        var rows = new ViewRows();
        var anyCounty = prefix is not null || counties.Count > 0;
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        if (anyCounty)
        {
            batch.BatchCommands.Add(Command(
                $"SELECT tenant_id, \"Name\" FROM districts WHERE {Columns}",
                prefix, counties, divisions, period, year));
            batch.BatchCommands.Add(Command(
                $"SELECT tenant_id, \"Dimension\", \"Key\", {Counts} FROM tenant_totals " +
                $"WHERE {Columns} AND \"Period\" = @period AND \"Dimension\" = '{TotalsDimension.Total}'",
                prefix, counties, divisions, period, year));
            // A district's indicator cells as one row of arrays: a 直辖市's ~700 cells cost more to send and read as
            // rows.
            batch.BatchCommands.Add(Command(
                "SELECT tenant_id, array_agg(\"Key\"), array_agg(\"Tasks\"), array_agg(\"Green\"), " +
                "array_agg(\"Yellow\"), array_agg(\"Red\") FROM tenant_totals " +
                $"WHERE {Columns} AND \"Period\" = @period AND \"Dimension\" = '{TotalsDimension.Indicator}' " +
                "GROUP BY tenant_id",
                prefix, counties, divisions, period, year));
            batch.BatchCommands.Add(Command(
                "SELECT tenant_id, array_agg(\"Indicator\"), array_agg(\"Unit\"), array_agg(\"Direction\"), " +
                "array_agg(\"TaskNumber\"), array_agg(\"Text\"), " +
                "array_agg(\"Value\"), array_agg(\"Baseline\") FROM comparable_targets " +
                $"WHERE \"Best\" AND \"Year\" = @year AND {Columns} GROUP BY tenant_id",
                prefix, counties, divisions, period, year));
        }

        if (divisions.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                $"SELECT tenant_id, \"Dimension\", \"Key\", {Counts}, \"Districts\" FROM division_rollups " +
                "WHERE tenant_id = ANY(@divisions) AND \"Period\" = @period",
                prefix, counties, divisions, period, year));
        }

        if (batch.BatchCommands.Count == 0)
        {
            return rows;
        }

        var tenant = db.Tenant;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (anyCounty)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Districts.Add((reader.GetString(0), reader.GetString(1)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = ReadTotals(reader, period);
                rows.Totals.Add((row, row.Owed > 0 ? 1 : 0, true));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var tenantId = reader.GetString(0);
                var keys = reader.GetFieldValue<string[]>(1);
                var tasks = reader.GetFieldValue<int[]>(2);
                var green = reader.GetFieldValue<int[]>(3);
                var yellow = reader.GetFieldValue<int[]>(4);
                var red = reader.GetFieldValue<int[]>(5);
                for (var i = 0; i < keys.Length; i++)
                {
                    var cell = new TenantTotals
                    {
                        TenantId = tenantId, Period = period, Dimension = TotalsDimension.Indicator, Key = keys[i],
                        Tasks = tasks[i], Green = green[i], Yellow = yellow[i], Red = red[i],
                    };
                    rows.Totals.Add((cell, 0, true));
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var tenantId = reader.GetString(0);
                var indicators = reader.GetFieldValue<string[]>(1);
                var units = reader.GetFieldValue<string[]>(2);
                var directions = reader.GetFieldValue<string[]>(3);
                var numbers = reader.GetFieldValue<string[]>(4);
                var texts = reader.GetFieldValue<string[]>(5);
                var values = reader.GetFieldValue<decimal[]>(6);
                var baselines = reader.GetFieldValue<decimal?[]>(7);
                for (var i = 0; i < indicators.Length; i++)
                {
                    rows.Targets.Add(new ComparableTargetsQuery.BestTarget
                    {
                        TenantId = tenantId,
                        Indicator = indicators[i],
                        Unit = units[i],
                        LowerIsBetter = ComparableTarget.IsLowerBetter(directions[i]),
                        TaskNumber = numbers[i],
                        Text = texts[i],
                        Value = values[i],
                        Baseline = baselines[i],
                    });
                }
            }

            await reader.NextResultAsync(cancellationToken);
        }

        if (divisions.Count > 0)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Totals.Add((ReadTotals(reader, period), reader.GetInt32(13), false));
            }
        }

        rows.Districts.RemoveAll(d => !tenant.CanRead(d.Code));
        rows.Totals.RemoveAll(t => !tenant.CanRead(t.Row.TenantId));
        rows.Targets.RemoveAll(t => !tenant.CanRead(t.TenantId));
        return rows;
    }

    private static TenantTotals ReadTotals(NpgsqlDataReader reader, string period) => new()
    {
        TenantId = reader.GetString(0),
        Period = period,
        Dimension = reader.GetString(1),
        Key = reader.GetString(2),
        Tasks = reader.GetInt32(3),
        Owed = reader.GetInt32(4),
        Green = reader.GetInt32(5),
        Yellow = reader.GetInt32(6),
        Red = reader.GetInt32(7),
        Overdue = reader.GetInt32(8),
        Due = reader.GetInt32(9),
        OnTime = reader.GetInt32(10),
        Reported = reader.GetInt32(11),
        Accepted = reader.GetInt32(12),
    };

    private static NpgsqlBatchCommand Command(
        string sql,
        string? prefix,
        IReadOnlyList<string> counties,
        IReadOnlyList<string> divisions,
        string period,
        int year)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (sql.Contains("@prefix", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter<string?>("prefix", NpgsqlDbType.Text)
            {
                TypedValue = prefix is null ? null : prefix + "%",
            });
            command.Parameters.Add(new NpgsqlParameter<string[]>("counties", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                TypedValue = [.. counties],
            });
        }

        if (sql.Contains("@divisions", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("divisions", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                TypedValue = [.. divisions],
            });
        }

        if (sql.Contains("@period", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("period", NpgsqlDbType.Text) { TypedValue = period });
        }

        if (sql.Contains("@year", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter<int>("year", NpgsqlDbType.Integer) { TypedValue = year });
        }

        return command;
    }
}
