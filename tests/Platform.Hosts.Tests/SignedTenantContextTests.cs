using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.Hosts.Tests;

/// <summary>
/// An attacker holds the application's database credential and nothing else (a leaked connection string, or SQL
/// injection inside a request of 渝中区): in every table of every service database it sees no row of another tenant
/// and writes none, whatever it sets, resets or creates; the service's own signed contexts still work.
/// </summary>
public sealed class SignedTenantContextTests(ServiceDatabases services) : IClassFixture<ServiceDatabases>
{
    private const string Own = ServiceDatabases.Own;
    private const string Neighbour = ServiceDatabases.Neighbour;
    private const string InsufficientPrivilege = PostgresErrorCodes.InsufficientPrivilege;

    public static TheoryData<string> Services => new(ServiceDatabases.Services);

    /// <summary>What an attacker runs on a connection that carries 渝中's genuinely signed context.</summary>
    public static TheoryData<string> Tricks => new(Attacks.Keys);

    private static readonly Dictionary<string, Func<NpgsqlConnection, TestDatabase, Task>> Attacks =
        new(StringComparer.Ordinal)
    {
        ["app.system on"] = (c, _) => TryAsync(c, "SELECT set_config('app.system', 'on', false)"),
        ["read prefix 5"] = (c, _) => TryAsync(c, "SELECT set_config('app.read_prefix', '5', false)"),
        ["read prefix empty"] = (c, _) => TryAsync(c, "SELECT set_config('app.read_prefix', '', false)"),
        ["read prefix %"] = (c, _) => TryAsync(c, "SELECT set_config('app.read_prefix', '%', false)"),
        ["tenant id of the neighbour"] = (
            c, _) => TryAsync(c, $"SELECT set_config('app.tenant_id', '{Neighbour}', false)"),
        ["read only off"] = (c, _) => TryAsync(c, "SELECT set_config('app.read_only', 'off', false)"),
        ["SET statements"] = (c, _) => TryAsync(c, $"SET app.system = 'on'; SET app.tenant_id = '{Neighbour}'"),
        ["transaction-local settings"] = (c, _) => TryAsync(c, "SELECT set_config('app.system', 'on', true)"),
        ["own signature on altered values"] = (c, _) => TryAsync(c,
            "SELECT set_config('app.context_sig', current_setting('app.context_sig'), false), " +
            $"set_config('app.tenant_id', '{Neighbour}', false), " +
            "set_config('app.read_prefix', '5', false), set_config('app.system', 'on', false)"),
        ["no signature at all"] = (
            c,
            _) => TryAsync(c, "SELECT set_config('app.context_sig', '', false), set_config('app.system', 'on', false)"),
        ["signature keyed with the database password"] = (c, _) => ForgeAsync(c, "duban-test"),
        ["signature keyed with the connection string"] = (c, d) => ForgeAsync(c, d.AppConnectionString),
        ["signature of a system context leaked from another connection"] = async (c, d) =>
        {
            await using var relay = await ConnectAsync(d, Context.System);
            var leaked = await ScalarAsync<string>(relay, "SELECT current_setting('app.context_sig')");
            await TryAsync(
                c,
                "SELECT set_config('app.tenant_id', '', false), set_config('app.system', 'on', false), " +
                $"set_config('app.context_sig', '{leaked}', false)");
        },
        ["a key table of its own in pg_temp"] = async (c, _) =>
        {
            const string key = "attacker-attacker-attacker-attacker";
            await TryAsync(c,
                "CREATE TEMP TABLE IF NOT EXISTS context_key (id boolean, key bytea); INSERT INTO " +
                $"pg_temp.context_key VALUES (true, convert_to('{key}', 'UTF8')); " +
                "CREATE TEMP TABLE IF NOT EXISTS app_context_key (id boolean, key bytea); SET search_path = pg_temp, " +
                "public");
            await ForgeAsync(c, key);
        },
        ["functions of its own in pg_temp"] = (c, _) => TryAsync(c,
            "CREATE OR REPLACE FUNCTION pg_temp.app_context_ok() RETURNS boolean LANGUAGE sql AS 'SELECT true'; " +
            "CREATE OR REPLACE FUNCTION pg_temp.app_context_tenant() RETURNS text LANGUAGE sql AS 'SELECT " +
            $"''{Neighbour}''::text'; " +
            "CREATE OR REPLACE FUNCTION pg_temp.app_context_system() RETURNS boolean LANGUAGE sql AS 'SELECT true'; " +
            "SET search_path = pg_temp, public; SELECT set_config('app.system', 'on', false)"),
        ["replacing the policy functions"] = (c, _) => TryAsync(c,
            "CREATE OR REPLACE FUNCTION public.app_context_system() RETURNS boolean LANGUAGE sql AS 'SELECT true'"),
        ["SET ROLE to the owner"] = (
            c, _) => TryAsync(c, $"SET ROLE {PostgresServer.OwnerRole}; SELECT set_config('app.system', 'on', false)"),
        ["SET SESSION AUTHORIZATION"] = (c, _) => TryAsync(c, "SET SESSION AUTHORIZATION postgres"),
        ["row_security off"] = (c, _) => TryAsync(c, "SET row_security = off"),
        ["RESET ALL"] = (c, _) => TryAsync(c, "RESET ALL; SELECT set_config('app.system', 'on', false)"),
        ["DISCARD ALL"] = (c, _) => TryAsync(c, "DISCARD ALL"),
    };

    private enum Context
    {
        Own,
        System,
        MunicipalViewer,
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task TheServicesOwnSignedContextsStillWork(string service)
    {
        var database = services.Databases[service];
        await using var admin = new NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        await using var own = await ConnectAsync(database, Context.Own);
        await using var system = await ConnectAsync(database, Context.System);
        await using var viewer = await ConnectAsync(database, Context.MunicipalViewer);
        var tables = (await ServiceDatabases.TablesAsync(admin))
            .Where(t => t.Table != ServiceDatabases.MigrationHistory)
            .ToList();
        Assert.NotEmpty(tables);

        foreach (var (table, column) in tables)
        {
            var all = await ScalarAsync<long>(admin, $"SELECT count(*) FROM {ServiceDatabases.Quote(table)}");
            Assert.True(all > 0, $"{service}.{table} was not filled");
            Assert.Equal(all, await ScalarAsync<long>(system, $"SELECT count(*) FROM {ServiceDatabases.Quote(table)}"));
            if (column is null)
            {
                // The tenant directory: every signed context reads it. A system-only table (the sign-in counters):
                // none.
                var systemOnly = await ScalarAsync<long>(
                    admin,
                    $"SELECT count(*) FROM pg_policies WHERE tablename = '{table}' AND policyname = " +
                    $"'{RowLevelSecurity.SystemPolicy}'") > 0;
                Assert.Equal(
                    systemOnly ? 0 : all,
                    await ScalarAsync<long>(own, $"SELECT count(*) FROM {ServiceDatabases.Quote(table)}"));
                continue;
            }

            Assert.Equal(new string?[] { Own }, await TenantsSeenAsync(own, table, column));
            Assert.Equal(
                new string?[] { ServiceDatabases.Municipality, Own, Neighbour },
                (await TenantsSeenAsync(viewer, table, column)).Order(StringComparer.Ordinal));

            // Writing its own rows is still allowed (rolled back), for the district, not for the viewer. PostgreSQL
            // checks the policy before constraints, so a generated row that then breaks a foreign or unique key (class
            // 23) has passed it.
            var insert = await ServiceDatabases.InsertSqlAsync(admin, table, column);
            var ownInsert = await InsertAsync(own, insert, Own);
            Assert.True(
                ownInsert is null || ownInsert.StartsWith("23", StringComparison.Ordinal),
                $"{service}.{table}: own row refused with {ownInsert}");
            Assert.Equal(InsufficientPrivilege, await InsertAsync(viewer, insert, ServiceDatabases.Municipality));
        }

        // The same message is built in C# and in SQL, also for values with separators and outside ASCII.
        var odd = new TenantContext();
        odd.SetFromPrincipal(
            new ClaimsPrincipal(
                new ClaimsIdentity([new("tenant", "渝中|1:2;"), new("role", PlatformRoles.MunicipalViewer)], "test")));
        await using var unusual = await ConnectAsync(database, odd);
        Assert.True(await ScalarAsync<bool>(unusual, "SELECT public.app_context_ok()"));
    }

    [Theory]
    [MemberData(nameof(Tricks))]
    public async Task NoTrickRevealsAnotherTenantsRowsInAnyTable(string trick)
    {
        foreach (var service in ServiceDatabases.Services)
        {
            var database = services.Databases[service];
            await using var admin = new NpgsqlConnection(database.AdminConnectionString);
            await admin.OpenAsync();
            await using var attacker = await ConnectAsync(database, Context.Own);
            foreach (var (table, column) in await ServiceDatabases.TablesAsync(admin))
            {
                if (table == ServiceDatabases.MigrationHistory)
                {
                    await ArmAsync(attacker, database, trick);
                    Assert.Equal(
                        InsufficientPrivilege,
                        await ErrorOfAsync(attacker, $"SELECT count(*) FROM {ServiceDatabases.Quote(table)}"));
                    continue;
                }

                if (column is null)
                {
                    continue;
                }

                var quoted = ServiceDatabases.Quote(column);
                foreach (var query in new[]
                {
                    $"SELECT {quoted} FROM {ServiceDatabases.Quote(table)}",
                    // Settings changed by the statement itself, after the policy's checks ran for its first row.
                    $"SELECT {quoted}, set_config('app.tenant_id', '{Neighbour}', false) FROM " +
                    $"{ServiceDatabases.Quote(table)}",
                    $"SELECT {quoted}, set_config('app.system', 'on', false) FROM {ServiceDatabases.Quote(table)}",
                    $"SELECT {quoted}, set_config('app.read_prefix', '5', false) FROM {ServiceDatabases.Quote(table)}",
                })
                {
                    await ArmAsync(attacker, database, trick);
                    var seen = await ValuesOrRefusedAsync(attacker, query);
                    Assert.True(
                        seen.All(t => t == Own),
                        $"{trick}: {service}.{table} showed " +
                        $"{string.Join(", ", seen.Where(t => t != Own).Distinct().Select(t => t ?? "(no tenant)"))} " +
                        $"to `{query}`");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tricks))]
    public async Task NoTrickWritesARowOfAnotherTenantIntoAnyTable(string trick)
    {
        foreach (var service in ServiceDatabases.Services)
        {
            var database = services.Databases[service];
            await using var admin = new NpgsqlConnection(database.AdminConnectionString);
            await admin.OpenAsync();
            await using var attacker = await ConnectAsync(database, Context.Own);
            foreach (var (table, column) in await ServiceDatabases.TablesAsync(admin))
            {
                if (table == ServiceDatabases.MigrationHistory)
                {
                    continue;
                }

                var insert = await ServiceDatabases.InsertSqlAsync(admin, table, column);
                var quoted = ServiceDatabases.Quote(table);
                if (column is null)
                {
                    // The tenant directory is written by the system context only.
                    var first = ServiceDatabases.Quote(
                        await ScalarAsync<string>(
                            admin,
                            $"SELECT attname::text FROM pg_attribute WHERE attrelid = 'public.{quoted}'::regclass " +
                            "AND attnum = 1"));
                    await ArmAsync(attacker, database, trick);
                    Assert.Equal(InsufficientPrivilege, await InsertAsync(attacker, insert, null));
                    await ArmAsync(attacker, database, trick);
                    Assert.Equal(0, await AffectedOrRefusedAsync(attacker, $"UPDATE {quoted} SET {first} = {first}"));
                    await ArmAsync(attacker, database, trick);
                    Assert.Equal(0, await AffectedOrRefusedAsync(attacker, $"DELETE FROM {quoted}"));
                    continue;
                }

                foreach (var foreign in new[] { Neighbour, ServiceDatabases.Elsewhere, null })
                {
                    await ArmAsync(attacker, database, trick);
                    Assert.True(
                        await InsertAsync(attacker, insert, foreign) == InsufficientPrivilege,
                        $"{trick}: a row of {foreign ?? "no tenant"} went into {service}.{table}");
                }

                var tenant = ServiceDatabases.Quote(column);
                foreach (var change in new[]
                {
                    $"UPDATE {quoted} SET {tenant} = {tenant} WHERE {tenant} IS DISTINCT FROM '{Own}'",
                    $"UPDATE {quoted} SET {tenant} = '{Neighbour}' WHERE {tenant} = '{Own}'",
                    $"DELETE FROM {quoted} WHERE {tenant} IS DISTINCT FROM '{Own}'",
                })
                {
                    await ArmAsync(attacker, database, trick);
                    Assert.True(
                        await AffectedOrRefusedAsync(attacker, change) == 0,
                        $"{trick}: `{change}` changed rows in {service}");
                }
            }
        }
    }

    [Fact]
    public async Task AnEventOfAnotherTenantCannotBePutIntoTheOutbox()
    {
        foreach (var service in ServiceDatabases.Services)
        {
            var database = services.Databases[service];
            await using var attacker = await ConnectAsync(database, Context.Own);
            foreach (var tenant in new[] { Neighbour, null })
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO outbox_messages
                        ("Id", "MessageType", "Body", "TenantId", "CreatedAt", "NextAttemptAt", "Attempts")
                    VALUES (gen_random_uuid(), 'Platform.Contracts.Events.ReportAccepted, Platform.Contracts', '{}',
                        @tenant, now(), now(), 0)
                    """, attacker);
                command.Parameters.AddWithValue("tenant", (object?)tenant ?? DBNull.Value);
                var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal(InsufficientPrivilege, error.SqlState);
            }

            Assert.Equal(
                0L,
                await ScalarAsync<long>(
                    attacker, $"SELECT count(*) FROM outbox_messages WHERE \"TenantId\" IS DISTINCT FROM '{Own}'"));
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task TheKeyStaysWithTheOwnerAndTheFunctionsCannotBeReplaced(string service)
    {
        var database = services.Databases[service];
        await using var attacker = await ConnectAsync(database, Context.Own);
        Assert.Equal(InsufficientPrivilege, await ErrorOfAsync(attacker, "SELECT key FROM tenant_context.context_key"));
        Assert.Equal(
            InsufficientPrivilege, await ErrorOfAsync(attacker, "SELECT tenant_context.hmac('x', 'y', 'sha256')"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(
                attacker, "CREATE FUNCTION public.app_context_probe() RETURNS boolean LANGUAGE sql AS 'SELECT true'"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(
                attacker,
                "CREATE OR REPLACE FUNCTION public.app_context_ok() RETURNS boolean LANGUAGE sql AS 'SELECT true'"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(attacker, "ALTER FUNCTION public.app_context_tenant() OWNER TO CURRENT_USER"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(
                attacker,
                "CREATE OR REPLACE FUNCTION public.app_context_readable() RETURNS text[] LANGUAGE sql AS 'SELECT " +
                "ARRAY[''%'']'"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(
                attacker,
                "CREATE OR REPLACE FUNCTION public.app_context_writable_tenants() RETURNS text[] LANGUAGE sql AS " +
                "'SELECT ARRAY[''%'']'"));
        Assert.Equal(
            InsufficientPrivilege,
            await ErrorOfAsync(attacker, "ALTER TABLE outbox_messages DISABLE ROW LEVEL SECURITY"));
        Assert.Equal(InsufficientPrivilege, await ErrorOfAsync(attacker, "DROP POLICY tenant_read ON outbox_messages"));
        Assert.Equal(InsufficientPrivilege, await ErrorOfAsync(attacker, $"SET ROLE {PostgresServer.OwnerRole}"));

        // Nothing the application's role can read holds the key: not the functions' source, nor what others run.
        var sources = await ValuesOrRefusedAsync(
            attacker, "SELECT prosrc FROM pg_proc WHERE proname LIKE 'app_context%'");
        Assert.Equal(7, sources.Count);
        var readable = string.Join("\n", sources) +
            string.Join("\n", await ValuesOrRefusedAsync(attacker, "SELECT coalesce(query, '') FROM pg_stat_activity"));
        Assert.DoesNotContain(database.ContextKey, readable, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(
            Convert.ToHexString(Encoding.UTF8.GetBytes(database.ContextKey)),
            readable,
            StringComparison.OrdinalIgnoreCase);

        // Asking the check itself about forged settings gets no yes.
        await TryAsync(attacker, "SELECT set_config('app.system', 'on', false)");
        Assert.Equal(InsufficientPrivilege, await ErrorOfAsync(attacker, "SELECT public.app_context_ok()"));
        await TryAsync(attacker, "SELECT set_config('app.context_sig', '', false)");
        Assert.False(await ScalarAsync<bool>(attacker, "SELECT public.app_context_ok()"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task PoliciesCheckTheSignatureOncePerStatementNotPerRow(string service)
    {
        var database = services.Databases[service];
        await using var admin = new NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        await using var own = await ConnectAsync(database, Context.Own);
        foreach (var (table, column) in await ServiceDatabases.TablesAsync(admin))
        {
            if (table == ServiceDatabases.MigrationHistory)
            {
                continue;
            }

            var plan = await ValuesOrRefusedAsync(own, $"EXPLAIN SELECT * FROM {ServiceDatabases.Quote(table)}");
            Assert.Contains(plan, line => line!.Contains("InitPlan", StringComparison.Ordinal));
            var perRow = plan.Where(
                line => line!.Contains("Filter", StringComparison.Ordinal)
                    || line.Contains("Cond", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(perRow);
            Assert.DoesNotContain(
                perRow,
                line => line!.Contains("app_context", StringComparison.Ordinal)
                    || line.Contains("current_setting", StringComparison.Ordinal));
            if (column is not null)
            {
                // A SELECT meets the read policy only: one check, where a write policy for every command made it six.
                // An UPDATE that reads the rows it changes meets the read and the update policy, each on the old row
                // and the new one: four, where it was twelve.
                Assert.Equal(1, plan.Count(line => line!.Contains("InitPlan", StringComparison.Ordinal)));
                var quoted = ServiceDatabases.Quote(column);
                var update = await ValuesOrRefusedAsync(
                    own, $"EXPLAIN UPDATE {ServiceDatabases.Quote(table)} SET {quoted} = {quoted}");
                Assert.InRange(update.Count(line => line!.Contains("InitPlan", StringComparison.Ordinal)), 1, 4);
            }
        }
    }

    private static Task<NpgsqlConnection> ConnectAsync(TestDatabase database, Context context)
    {
        var tenant = new TenantContext();
        switch (context)
        {
            case Context.Own:
                tenant.SetTenant(Own);
                break;
            case Context.System:
                // This context lives as long as the connection and serves nothing else: its scope never ends.
                _ = tenant.AsSystem("test: a system connection");
                break;
            case Context.MunicipalViewer:
                tenant.SetFromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(
                    [new("tenant", ServiceDatabases.Municipality), new("role", PlatformRoles.MunicipalViewer)],
                    "test")));
                break;
        }

        return ConnectAsync(database, tenant);
    }

    /// <summary>
    /// A connection of the application's role, unpooled, with the context set exactly as the services set it.
    /// </summary>
    private static async Task<NpgsqlConnection> ConnectAsync(TestDatabase database, TenantContext tenant)
    {
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(database.AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await new TenantConnectionInterceptor(tenant, new TenantContextKey(database.ContextKey)).ApplyAsync(connection);
        return connection;
    }

    /// <summary>
    /// 渝中's context as the service sets it when a pooled connection is handed out again, then the trick: every
    /// statement of the attacker starts from a genuine context, whatever the one before it left behind.
    /// </summary>
    private static async Task ArmAsync(NpgsqlConnection connection, TestDatabase database, string trick)
    {
        var tenant = new TenantContext();
        tenant.SetTenant(Own);
        await new TenantConnectionInterceptor(tenant, new TenantContextKey(database.ContextKey)).ApplyAsync(connection);
        await Attacks[trick](connection, database);
    }

    /// <summary>Runs what an attacker would try; whether PostgreSQL refuses it does not matter here.</summary>
    private static async Task TryAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
        }
    }

    /// <summary>
    /// A system context of the neighbour's, signed with a key the attacker guessed, for this very backend.
    /// </summary>
    private static async Task ForgeAsync(NpgsqlConnection connection, string guessedKey)
    {
        var message = TenantContextKey.Canonical(connection.ProcessID, Neighbour, "5", "off", "on");
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(guessedKey), Encoding.UTF8.GetBytes(message)));
        await TryAsync(connection,
            $"SELECT set_config('app.tenant_id', '{Neighbour}', false), set_config('app.read_prefix', '5', false), " +
            "set_config('app.read_only', 'off', false), set_config('app.system', 'on', false), " +
            $"set_config('app.context_sig', '{signature}', false)");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The first column of every row; a refusal for want of a valid context (42501) is no row at all.
    /// </summary>
    private static async Task<List<string?>> ValuesOrRefusedAsync(NpgsqlConnection connection, string sql)
    {
        var values = new List<string?>();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0).ToString());
            }
        }
        catch (PostgresException ex) when (ex.SqlState == InsufficientPrivilege)
        {
            return [];
        }

        return values;
    }

    private static async Task<List<string?>> TenantsSeenAsync(
        NpgsqlConnection connection, string table, string column) =>
        (
            await ValuesOrRefusedAsync(
                connection,
                $"SELECT DISTINCT {ServiceDatabases.Quote(column)} FROM {ServiceDatabases.Quote(table)}")).ToList();

    private static async Task<string?> ErrorOfAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
    }

    /// <summary>Rows an UPDATE or DELETE changed; refused (42501) counts as none.</summary>
    private static async Task<int> AffectedOrRefusedAsync(NpgsqlConnection connection, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            return await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == InsufficientPrivilege)
        {
            return 0;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    /// <summary>
    /// One generated row for <paramref name="tenant"/>, rolled back; null when it went in, else the SQLSTATE.
    /// </summary>
    private static async Task<string?> InsertAsync(NpgsqlConnection connection, string insert, string? tenant)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var command = new NpgsqlCommand(insert, connection, transaction);
            if (insert.Contains("@tenant", StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue("tenant", (object?)tenant ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

}
