using Npgsql;

namespace Platform.Chaos;

/// <summary>
/// The services' databases, read as the PostgreSQL superuser (no row-level security, no application in between).
/// </summary>
public sealed class Databases(string superuser)
{
    public static readonly string[] Services = ["units", "tasks", "reporting", "notifications"];

    public async Task<List<T>> QueryAsync<T>(
        string service, string sql, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(For($"duban_{service}"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@tenant", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("tenant", ChaosOptions.Tenant);
        }

        if (sql.Contains("@period", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("period", ChaosOptions.Period);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Outbox rows not yet handed to the broker, per service (a service without an outbox counts none).
    /// </summary>
    public async Task<Dictionary<string, long>> UnsentAsync(CancellationToken cancellationToken)
    {
        var unsent = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            unsent[service] = (await QueryAsync(
                service,
                "SELECT CASE WHEN to_regclass('outbox_messages') IS NULL THEN 0 "
                    + "ELSE (SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL) END",
                r => r.GetInt64(0), cancellationToken)).Single();
        }

        return unsent;
    }

    /// <summary>A state column written as a name (EF's string conversion) or as its number.</summary>
    public static string Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column)
        ? string.Empty
        : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!;

    // Pooling off: a pooled connection to a server that was just killed fails once more before it is dropped.
    private string For(string database) => new NpgsqlConnectionStringBuilder(superuser)
    {
        Database = database, Pooling = false, Timeout = 5, CommandTimeout = 30,
    }.ConnectionString;
}
