using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Views;

/// <summary>
/// The comparison view's year column: per column, the year's completion rate (tasks whose completion report the
/// office accepted as 完成, over the year's tasks) and the on-time rate of the year's monthly reports. Read at every
/// call, after the part of the view the host keeps (an accepted completion report does not move the stamp the view is
/// kept under), in one round trip: the year's months of the columns' totals or roll-ups, as the rest of the view, and
/// the accepted 完成 reports under the division, which exist only once the year is being closed. Nothing per unit is
/// read, so no unit's score crosses a district.
/// </summary>
internal static class YearColumns
{
    private const string YearOfCounts =
        "SELECT tenant_id, sum(\"Due\")::int, sum(\"OnTime\")::int, " +
        "(array_agg(\"Tasks\" ORDER BY \"Period\" DESC))[1] FROM {0} " +
        $"WHERE tenant_id = ANY(@codes) AND \"Dimension\" = '{TotalsDimension.Total}' AND \"Period\" LIKE @months " +
        "GROUP BY tenant_id";

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

        var districts = view.Districts.Where(c => c.IsDistrict).Select(c => c.TenantId).ToArray();
        var divisions = view.Districts.Where(c => !c.IsDistrict).Select(c => c.TenantId).ToArray();
        var months = $"{year:D4}-%";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(
            "SELECT tenant_id, count(DISTINCT \"TaskId\")::int FROM completion_reports " +
            $"WHERE \"Year\" = @year AND \"Status\" = '{ReportStatus.Accepted}' " +
            $"AND \"Outcome\" = '{CompletionOutcome.Completed}' AND tenant_id LIKE @under GROUP BY tenant_id",
            ("year", year),
            ("under", (DivisionCode.OverseenPrefix(division) ?? string.Empty) + "%")));
        if (districts.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, YearOfCounts, "tenant_totals"),
                ("codes", districts),
                ("months", months)));
        }

        if (divisions.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, YearOfCounts, "division_rollups"),
                ("codes", divisions),
                ("months", months)));
        }

        var completed = new List<(string Tenant, int Tasks)>();
        var counts = new Dictionary<string, (int Due, int OnTime, int Tasks)>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                completed.Add((reader.GetString(0), reader.GetInt32(1)));
            }

            while (await reader.NextResultAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
                }
            }
        }

        foreach (var column in view.Districts)
        {
            var code = column.TenantId;
            var (due, onTime, tasks) = counts.GetValueOrDefault(code);
            column.YearTasks = tasks;
            column.YearDue = due;
            column.YearOnTime = onTime;
            column.YearCompleted = completed
                .Where(c => db.Tenant.CanRead(c.Tenant)
                    && (c.Tenant == code || (!column.IsDistrict && DivisionCode.Oversees(code, c.Tenant))))
                .Sum(c => c.Tasks);
            column.YearCompletionRate = tasks == 0 ? 0 : Math.Round((double)column.YearCompleted / tasks, 4);
            column.YearOnTimeRate = due == 0 ? 0 : Math.Round((double)onTime / due, 4);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                string[] codes => new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    TypedValue = codes,
                },
                int number => new NpgsqlParameter<int>(name, NpgsqlDbType.Integer) { TypedValue = number },
                _ => new NpgsqlParameter<string>(name, NpgsqlDbType.Text) { TypedValue = (string)value },
            });
        }

        return command;
    }
}
