using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.Hosts.Tests;

/// <summary>
/// The read rule is written three times: in C# (<see cref="ITenantContext.CanRead"/>), as EF's query filter
/// (<see cref="TenantDbContext"/>) and as PostgreSQL's policy (<see cref="RowLevelSecurity"/>). For every caller they
/// give the same rows. And a system scope (<see cref="TenantContext.AsSystem"/>) gives the caller's context back when
/// it ends, in the process and on the open connection, whether it ends normally or by an exception.
/// </summary>
public sealed class TenantReadRuleTests(
    TenantReadRuleTests.ReadRuleDatabase database)
    : IClassFixture<TenantReadRuleTests.ReadRuleDatabase>
{
    private const string Own = "500103";

    /// <summary>
    /// Districts, a city, a province, the municipality, the platform, and codes with LIKE's special characters.
    /// </summary>
    private static readonly string[] RowTenants =
    [
        Own, "500105", "500000", "510104", "510105", "510100", "510000", "511302", "110101", "host", "51%1", "5_0103",
        "5\\0103", "",
    ];

    /// <summary>
    /// Callers as the services make them, and a few no service makes but the rule must still answer alike.
    /// </summary>
    private static readonly Dictionary<string, Func<ITenantContext>> Callers = new(StringComparer.Ordinal)
    {
        ["own district"] = () => Tenant(Own),
        ["another district"] = () => Tenant("110101"),
        ["city reader (prefix 5101)"] = () => Viewer("510100"),
        ["province reader (prefix 51)"] = () => Viewer("510000"),
        ["municipality reader (prefix 50)"] = () => Viewer("500000"),
        ["system"] = () => SystemCaller(),
        ["empty read prefix"] = () => new Reader(Own, ReadPrefix: string.Empty, IsReadOnly: false, IsSystem: false),
        ["read-only district"] = () => new Reader(Own, ReadPrefix: null, IsReadOnly: true, IsSystem: false),
        ["prefix with a wildcard"] = () => new Reader("510104", ReadPrefix: "5_", IsReadOnly: true, IsSystem: false),
        ["prefix with a backslash"] = () => new Reader("510104", ReadPrefix: "5\\", IsReadOnly: true, IsSystem: false),
        ["no tenant at all"] = () => new Reader(TenantId: null, ReadPrefix: null, IsReadOnly: false, IsSystem: false),
    };

    public static TheoryData<string> CallerNames => new(Callers.Keys);

    [Theory]
    [MemberData(nameof(CallerNames))]
    public async Task CSharpEfAndThePolicyReadTheSameRows(string name)
    {
        var caller = Callers[name]();
        var rows = await database.AllRowsAsync();
        var byCSharp = rows.Where(r => caller.CanRead(r.TenantId)).Select(r => r.Id).Order().ToList();

        // EF alone: the connection is the system's, so only the query filter stands between the caller and the rows.
        await using (var ef = database.Context(caller, connectionAs: SystemCaller()))
        {
            Assert.Equal(byCSharp, await ef.Rows.Select(r => r.Id).OrderBy(id => id).ToListAsync());
        }

        // The policy alone: the caller's signed context on the connection, no filter in the query.
        await using (var connection = await database.ConnectAsync(caller))
        {
            Assert.Equal(byCSharp, await IdsAsync(connection));
        }

        // Both, as the services run.
        await using (var both = database.Context(caller, connectionAs: caller))
        {
            Assert.Equal(byCSharp, await both.Rows.Select(r => r.Id).OrderBy(id => id).ToListAsync());
        }

        Assert.Equal(name is "system", byCSharp.Count == rows.Count);
    }

    [Fact]
    public void AsSystemGivesTheCallersContextBackAlsoAfterAnException()
    {
        var viewer = Viewer("510000");
        using (viewer.AsSystem("test: outer"))
        {
            Assert.True(viewer.IsSystem);
            Assert.Null(viewer.TenantId);
            Assert.False(viewer.IsReadOnly);
            using (viewer.AsSystem("test: inner"))
            {
                Assert.True(viewer.IsSystem);
            }

            Assert.True(viewer.IsSystem);
        }

        AssertViewer(viewer);
        Action failing = () =>
        {
            using (viewer.AsSystem("test: a failing step"))
            {
                throw new InvalidOperationException("the step failed");
            }
        };
        Assert.Throws<InvalidOperationException>(failing);
        AssertViewer(viewer);

        // The user, roles and scopes are the caller's throughout: only whose rows it reaches changes.
        using (viewer.AsSystem("test: roles"))
        {
            Assert.Equal("viewer", viewer.UserId);
            Assert.Contains(PlatformRoles.MunicipalViewer, viewer.Roles);
        }
    }

    [Fact]
    public async Task AnOpenConnectionTakesTheSystemContextWithTheScopeAndGivesItBackAfter()
    {
        var tenant = Tenant(Own);
        var own = (await database.AllRowsAsync()).Count(r => r.TenantId == Own);
        var all = (await database.AllRowsAsync()).Count;
        await using var db = database.Context(tenant, connectionAs: tenant);

        // A transaction holds one connection open across the scope's start and end.
        await using (await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(own, await PolicyCountAsync(db));
            using (tenant.AsSystem("test: inside a transaction"))
            {
                Assert.Equal(all, await PolicyCountAsync(db));
            }

            Assert.Equal(own, await PolicyCountAsync(db));
            Assert.Equal("off", await SettingAsync(db, TenantSettings.System));
            Assert.Equal(Own, await SettingAsync(db, TenantSettings.TenantId));

            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                using (tenant.AsSystem("test: a failing step inside a transaction"))
                {
                    Assert.Equal(all, await PolicyCountAsync(db));
                    throw new InvalidOperationException("the step failed");
                }
            });
            Assert.Equal(own, await PolicyCountAsync(db));
            Assert.Equal("off", await SettingAsync(db, TenantSettings.System));
        }

        // A statement that fails inside the scope aborts the transaction, so the connection cannot be set again: it is
        // closed instead, and the statement's own error is the one the caller sees.
        await using (await db.Database.BeginTransactionAsync())
        {
            var failed = await Assert.ThrowsAsync<PostgresException>(async () =>
            {
                using (tenant.AsSystem("test: a failing statement inside a transaction"))
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT 1 / 0");
                }
            });
            Assert.Equal(PostgresErrorCodes.DivisionByZero, failed.SqlState);
            Assert.NotEqual(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
        }

        Assert.False(tenant.IsSystem);
        Assert.Equal(own, await PolicyCountAsync(db));
    }

    private static TenantContext Tenant(string tenantId)
    {
        var tenant = new TenantContext();
        tenant.SetTenant(tenantId);
        return tenant;
    }

    /// <summary>
    /// A context that stays in the system scope for as long as the test uses it: it serves nothing else.
    /// </summary>
    private static TenantContext SystemCaller()
    {
        var system = Tenant(Own);
        _ = system.AsSystem("test: a system caller");
        return system;
    }

    private static TenantContext Viewer(string tenantId)
    {
        var viewer = new TenantContext();
        viewer.SetFromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new(PlatformClaims.Tenant, tenantId),
                new(PlatformClaims.Subject, "viewer"),
                new(PlatformClaims.Role, PlatformRoles.MunicipalViewer),
            ],
            "test")));
        return viewer;
    }

    private static void AssertViewer(TenantContext viewer)
    {
        Assert.False(viewer.IsSystem);
        Assert.Equal("510000", viewer.TenantId);
        Assert.Equal("51", viewer.ReadPrefix);
        Assert.True(viewer.IsReadOnly);
    }

    /// <summary>What the policy alone lets through (the query filter switched off).</summary>
    private static Task<int> PolicyCountAsync(ProbeDbContext db) => db.Rows.IgnoreQueryFilters().CountAsync();

    private static Task<string> SettingAsync(ProbeDbContext db, string setting) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({setting}) AS \"Value\"").SingleAsync();

    private static async Task<List<int>> IdsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM {ReadRuleDatabase.Table} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>
    /// A caller no service builds (an empty prefix, a wildcard in it): the rule must still answer alike.
    /// </summary>
    private sealed record Reader(string? TenantId, string? ReadPrefix, bool IsReadOnly, bool IsSystem) : ITenantContext
    {
        public string? UserId => null;

        public string? UnitId => null;

        public IReadOnlySet<string> Roles { get; } = new HashSet<string>();

        public IReadOnlySet<string> Scopes { get; } = new HashSet<string>();

        public bool CanRead(string tenantId) => TenantReadRule.Allows(IsSystem, TenantId, ReadPrefix, tenantId);
    }

    public sealed class ProbeRow : ITenantEntity
    {
        public int Id { get; set; }

        public string TenantId { get; set; } = string.Empty;
    }

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options, ITenantContext tenant)
        : TenantDbContext(options, tenant)
    {
        public DbSet<ProbeRow> Rows => Set<ProbeRow>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<ProbeRow>(e =>
            {
                e.ToTable(ReadRuleDatabase.Table);
                e.Property(r => r.Id).HasColumnName("id");
            });
    }

    /// <summary>
    /// A database of its own with one tenant table under the policies of <see cref="RowLevelSecurity"/>, put there by
    /// the owner exactly as a migration does, and rows of every tenant of <see cref="RowTenants"/>, three each.
    /// </summary>
    public sealed class ReadRuleDatabase : IAsyncLifetime
    {
        public const string Table = "read_rule_rows";

        private readonly PostgresServer postgres = new();
        private TestDatabase test = null!;

        public async Task InitializeAsync()
        {
            await postgres.InitializeAsync();
            test = await postgres.CreateDatabaseAsync("read_rule");
            var migration = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
            migration.EnableTenantRowLevelSecurity(Table);
            await using (var owner = new NpgsqlConnection(test.OwnerConnectionString))
            {
                await owner.OpenAsync();
                await ExecuteAsync(
                    owner, $"CREATE TABLE {Table} (id serial PRIMARY KEY, tenant_id varchar(16) NOT NULL)");
                foreach (var operation in migration.Operations.OfType<SqlOperation>())
                {
                    await ExecuteAsync(owner, operation.Sql);
                }

                await new TenantContextKey(test.ContextKey).StoreAsync(owner);
                await ExecuteAsync(owner,
                    $"GRANT USAGE ON SCHEMA public TO {PostgresServer.AppRole}; " +
                    $"GRANT SELECT ON {Table} TO {PostgresServer.AppRole}");
            }

            await using var admin = new NpgsqlConnection(test.AdminConnectionString);
            await admin.OpenAsync();
            foreach (var tenant in RowTenants.Concat(RowTenants).Concat(RowTenants))
            {
                await using var insert = new NpgsqlCommand($"INSERT INTO {Table} (tenant_id) VALUES (@tenant)", admin);
                insert.Parameters.AddWithValue("tenant", tenant);
                await insert.ExecuteNonQueryAsync();
            }
        }

        public async Task DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await postgres.DisposeAsync();
        }

        /// <summary>Every row, read past the policies by the superuser.</summary>
        public async Task<List<ProbeRow>> AllRowsAsync()
        {
            await using var admin = new NpgsqlConnection(test.AdminConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT id, tenant_id FROM {Table}", admin);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<ProbeRow>();
            while (await reader.ReadAsync())
            {
                rows.Add(new ProbeRow { Id = reader.GetInt32(0), TenantId = reader.GetString(1) });
            }

            return rows;
        }

        /// <summary>
        /// The context as the services build it, its filter following <paramref name="caller"/> and its connections
        /// signed for <paramref name="connectionAs"/>.
        /// </summary>
        public ProbeDbContext Context(ITenantContext caller, ITenantContext connectionAs) =>
            new(new DbContextOptionsBuilder<ProbeDbContext>()
                    .UseNpgsql(test.AppConnectionString)
                    .AddInterceptors(
                        new TenantConnectionInterceptor(connectionAs, new TenantContextKey(test.ContextKey)))
                    .Options,
                caller);

        public async Task<NpgsqlConnection> ConnectAsync(ITenantContext caller)
        {
            var connection = new NpgsqlConnection(test.AppConnectionString);
            await connection.OpenAsync();
            await new TenantConnectionInterceptor(caller, new TenantContextKey(test.ContextKey)).ApplyAsync(connection);
            return connection;
        }

        private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
