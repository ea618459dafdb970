using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Platform.Testing;

namespace Platform.Hosts.Tests;

/// <summary>
/// The four services' databases as their own hosts leave them (each host started once on a fresh database: migrations
/// as the owner, the context key stored, grants to the application's role, then stopped), and filled as the superuser
/// with rows of several tenants in every table. The rows are generated from the catalog, so a table added later is
/// filled (and attacked) without anyone remembering to.
/// </summary>
public sealed class ServiceDatabases : IAsyncLifetime
{
    /// <summary>The attacker's own tenant (渝中区).</summary>
    public const string Own = "500103";

    /// <summary>Another district of the same city (江北区), which a prefix "50" or "5" would reveal.</summary>
    public const string Neighbour = "500105";

    /// <summary>The city (重庆市): its municipal viewer reads every 50xxxx district.</summary>
    public const string Municipality = "500000";

    /// <summary>A district of another province (东城区, Beijing), which no viewer of 重庆 may read.</summary>
    public const string Elsewhere = "110101";

    public const string MigrationHistory = "__EFMigrationsHistory";

    private readonly InfrastructureFixture infrastructure = new();
    private readonly TestTokens tokens = new();

    public static IReadOnlyList<string> Services { get; } = ["units", "tasks", "reporting", "notifications"];

    public Dictionary<string, TestDatabase> Databases { get; } = new(StringComparer.Ordinal);

    public string AdminConnectionString => infrastructure.Postgres.AdminConnectionString;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        foreach (var service in Services)
        {
            var database = await infrastructure.Postgres.CreateDatabaseAsync(service + "_rls");
            Databases[service] = database;
            await StartOnceAsync(service, database);
        }

        foreach (var database in Databases.Values)
        {
            await FillAsync(database);
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await infrastructure.DisposeAsync();
        tokens.Dispose();
    }

    /// <summary>Every table of the public schema with its tenant column (null for a table without one).</summary>
    public static async Task<List<(string Table, string? TenantColumn)>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname,
                   (SELECT a.attname FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                       AND a.attname IN ('tenant_id', 'TenantId')
                     ORDER BY a.attname = 'tenant_id' DESC LIMIT 1)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """, connection);
        var tables = new List<(string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return tables;
    }

    /// <summary>
    /// An INSERT of one row into <paramref name="table"/> with every required column filled by a value of its type and
    /// the tenant column set to the parameter @tenant; random values keep rows apart under unique indexes.
    /// </summary>
    public static async Task<string> InsertSqlAsync(NpgsqlConnection connection, string table, string? tenantColumn)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a
            WHERE a.attrelid = format('public.%I', @table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND (a.attname = @tenantColumn
                OR (a.attnotnull AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''))
            ORDER BY a.attnum
            """, connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("tenantColumn", (object?)tenantColumn ?? DBNull.Value);
        var columns = new List<string>();
        var values = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                columns.Add(Quote(name));
                values.Add(name == tenantColumn ? "@tenant" : ValueOf(reader.GetString(1), table, name));
            }
        }

        return $"INSERT INTO {Quote(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
    }

    public static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string ValueOf(string type, string table, string column)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return $"'{{}}'::{type}";
        }

        if (type.StartsWith("character varying(", StringComparison.Ordinal))
        {
            return $"left(md5(random()::text), {type["character varying(".Length..^1]})";
        }

        return type switch
        {
            "uuid" => "gen_random_uuid()",
            "text" or "character varying" => "md5(random()::text)",
            "boolean" => "false",
            "smallint" or "integer" or "bigint" => "(random() * 30000)::int",
            "real" or "double precision" => "random()",
            _ when type.StartsWith("numeric", StringComparison.Ordinal) => "1",
            "date" => "current_date",
            "timestamp with time zone" => "now()",
            "timestamp without time zone" => "localtimestamp",
            "jsonb" or "json" => "'{}'",
            "bytea" => "'\\x00'::bytea",
            "interval" => "interval '1 hour'",
            _ => throw new NotSupportedException($"{table}.{column}: no test value for type {type}; teach " +
                "ServiceDatabases.ValueOf."),
        };
    }

    private WebApplicationFactory<T> Configure<T>(
        WebApplicationFactory<T> factory, string service, TestDatabase database)
        where T : class =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Messaging:EndpointPrefix", $"{service}-rls-{Guid.NewGuid():N}"[..24]);
            b.UseSetting("Identity:Authority", "http://127.0.0.1:1");
            b.UseSetting("Identity:SigningKeyFile", tokens.KeyFile);
            b.UseSetting("Identity:BootstrapAdminPassword", "bootstrap-pass");
        });

    private Task StartOnceAsync(string service, TestDatabase database) => service switch
    {
        "units" => StartOnceAsync(new WebApplicationFactory<Platform.Units.Data.UnitsDbContext>(), service, database),
        "tasks" => StartOnceAsync(new WebApplicationFactory<Platform.Tasks.Data.TasksDbContext>(), service, database),
        "reporting" => StartOnceAsync(
            new WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext>(), service, database),
        "notifications" => StartOnceAsync(
            new WebApplicationFactory<Platform.Notifications.Data.NotificationsDbContext>(), service, database),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>
    /// Building the server runs the host's start-up (MigrateDatabaseAsync before it would serve); then it stops.
    /// </summary>
    private async Task StartOnceAsync<T>(WebApplicationFactory<T> factory, string service, TestDatabase database)
        where T : class
    {
        await using var host = Configure(factory, service, database);
        _ = host.Server;
    }

    /// <summary>
    /// Rows of four tenants in every table, interleaved (own, foreign, own, …) so that a statement changing its
    /// settings after its first own row would meet foreign rows next; a row without a tenant where the column allows
    /// it (a platform-level message). Foreign keys are not checked (session_replication_role = replica).
    /// </summary>
    private static async Task FillAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        foreach (var (table, tenantColumn) in await TablesAsync(connection))
        {
            if (table == MigrationHistory)
            {
                continue;
            }

            var insert = await InsertSqlAsync(connection, table, tenantColumn) + " ON CONFLICT DO NOTHING";
            string?[] tenants = tenantColumn is null
                ? []
                : [Own, Neighbour, Own, Municipality, Elsewhere, Own, Neighbour];
            if (tenantColumn is not null && await NullableAsync(connection, table, tenantColumn))
            {
                tenants = [.. tenants, null];
            }

            for (var i = 0; i < Math.Max(tenants.Length, 4); i++)
            {
                await using var command = new NpgsqlCommand(insert, connection);
                if (tenantColumn is not null)
                {
                    command.Parameters.AddWithValue("tenant", (object?)tenants[i] ?? DBNull.Value);
                }

                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<bool> NullableAsync(NpgsqlConnection connection, string table, string column)
    {
        await using var command = new NpgsqlCommand(
            "SELECT NOT attnotnull FROM pg_attribute WHERE attrelid = format('public.%I', @table)::regclass AND " +
            "attname = @column",
            connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("column", column);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
