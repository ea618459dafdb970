using System.Security.Cryptography;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A real PostgreSQL server: a Testcontainers container where a Docker engine answers, otherwise the private server
/// that deploy/local/test.sh started (superuser connection string in DUBAN_TEST_POSTGRES). Each test class gets its
/// own database with an owner role and an application role, as in production.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string OwnerRole = "duban_test_owner";
    public const string AppRole = "duban_test_app";
    private const string RolePassword = "duban-test";

    private PostgreSqlContainer? container;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DUBAN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            AdminConnectionString = fromEnvironment;
        }
        else
        {
            container = await Containers.TryStartAsync(() => new PostgreSqlBuilder("postgres:15-alpine").Build())
                ?? throw new InvalidOperationException(
                    "No PostgreSQL for the tests: no Docker engine answers and DUBAN_TEST_POSTGRES is not set. Run deploy/local/test.sh.");
            AdminConnectionString = container.GetConnectionString();
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                CREATE ROLE {OwnerRole} LOGIN PASSWORD '{RolePassword}';
              END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{RolePassword}';
              END IF;
            END $$;
            """);
    }

    /// <summary>Creates a fresh database owned by the owner role; returns its connection strings and context key.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, $"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
            await Execute(connection, $"GRANT CONNECT ON DATABASE \"{name}\" TO {AppRole}");
        }

        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, $"ALTER SCHEMA public OWNER TO {OwnerRole}");
        }

        string For(string role) => new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Username = role,
            Password = RolePassword,
            Pooling = true,
        }.ConnectionString;

        return new TestDatabase(name, For(OwnerRole), For(AppRole), admin.ConnectionString, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
    }

    public async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A test database and its roles' connection strings. <see cref="ContextKey"/> is the key a host on it signs its tenant
/// context with (Database:ContextKey), fresh for each database as in production it is a secret of each deployment.
/// </summary>
public sealed record TestDatabase(string Name, string OwnerConnectionString, string AppConnectionString, string AdminConnectionString, string ContextKey)
{
    public const string ContextKeySetting = "Database:ContextKey";
}
