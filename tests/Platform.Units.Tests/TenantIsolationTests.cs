using System.Net;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts.Units.V1;
using Platform.MultiTenancy;
using Platform.Units.Data;

namespace Platform.Units.Tests;

/// <summary>
/// 江北 must never see or change 渝中's directory: through the API, with the EF filter off, or as a viewer.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class TenantIsolationTests(UnitsApp app)
{
    [Fact]
    public async Task AnotherDistrictListsNoneOfTheUnitsAndGets404ForEach()
    {
        var yz = await app.TokenAsync("yz.admin");
        var jb = await app.TokenAsync("jb.admin");
        var yzUnits = await app.Units().ListUnitsAsync(new ListUnitsRequest(), UnitsApp.Bearer(yz));
        Assert.Contains(yzUnits.Units, u => u.Name == "区市场监管局");

        var jbUnits = await app.Units().ListUnitsAsync(new ListUnitsRequest(), UnitsApp.Bearer(jb));
        Assert.DoesNotContain(jbUnits.Units, u => u.TenantId == "500103");

        var target = yzUnits.Units.First(u => u.Name == "区市场监管局").Id;
        foreach (var call in new Func<Task>[]
        {
            () => app.Units().GetUnitAsync(new GetUnitRequest { Id = target }, UnitsApp.Bearer(jb)).ResponseAsync,
            () => app.Units().RenameUnitAsync(
                new RenameUnitRequest { Id = target, Name = "被改名" },
                UnitsApp.Bearer(jb)).ResponseAsync,
            () => app.Units().AddUnitAliasAsync(
                new AddUnitAliasRequest { Id = target, Alias = "别名" },
                UnitsApp.Bearer(jb)).ResponseAsync,
            () => app.Units().ListUnitsAsync(
                new ListUnitsRequest { TenantId = "500103" },
                UnitsApp.Bearer(jb)).ResponseAsync,
        })
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
        }

        using var rest = await app.Http.SendAsync(app.Request(HttpMethod.Get, $"/api/v1/units/{target}", jb));
        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);

        // 江北 resolving 渝中's names finds nothing.
        var resolved = await app.Units().ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "区经信委" } },
            UnitsApp.Bearer(jb));
        Assert.False(resolved.Results[0].Resolved && resolved.Results[0].Unit.TenantId == "500103");
    }

    [Fact]
    public async Task ATenantHeaderFromTheClientChangesNothing()
    {
        var jb = await app.TokenAsync("jb.admin");
        using var request = app.Request(HttpMethod.Get, "/api/v1/units", jb);
        request.Headers.Add("X-Tenant-Id", "500103");
        using var response = await app.Http.SendAsync(request);
        Assert.DoesNotContain("500103", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMunicipalViewerReadsItsDistrictsAndWritesNothing()
    {
        var viewer = await app.TokenAsync("cq.viewer");
        var child =
            await app.Units().ListUnitsAsync(new ListUnitsRequest { TenantId = "500103" }, UnitsApp.Bearer(viewer));
        Assert.Contains(child.Units, u => u.Name == "区市场监管局");
        var unit = child.Units.First();
        Assert.Equal(
            unit.Name,
            (await app.Units().GetUnitAsync(new GetUnitRequest { Id = unit.Id }, UnitsApp.Bearer(viewer))).Name);

        foreach (var call in new Func<Task>[]
        {
            () => app.Units().CreateUnitAsync(
                new CreateUnitRequest { Name = "市级新局" },
                UnitsApp.Bearer(viewer)).ResponseAsync,
            () => app.Units().RenameUnitAsync(
                new RenameUnitRequest { Id = unit.Id, Name = "改名" },
                UnitsApp.Bearer(viewer)).ResponseAsync,
            () => app.Units().AddUnitAliasAsync(
                new AddUnitAliasRequest { Id = unit.Id, Alias = "别名" },
                UnitsApp.Bearer(viewer)).ResponseAsync,
        })
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        }
    }

    [Fact]
    public async Task AUsernameTakenInAnotherDistrictIsRefusedExactlyLikeOneTakenInTheOwnDistrictOrReserved()
    {
        // Sign-in is by username alone, so names are unique across the platform; the refusal must not tell 渝中 that
        // 江北 has a "jb.admin".
        var yz = await app.TokenAsync("yz.admin");
        var answers = new List<(StatusCode Status, string Detail)>();
        foreach (var name in new[] { "jb.admin", "yz.scj", "admin", "platform-portal" })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => app.Access().CreateAccountAsync(
                new CreateAccountRequest
                {
                    Username = name,
                    DisplayName = "冒名",
                    Roles = { "district-leader" },
                    Password = "some-password",
                },
                UnitsApp.Bearer(yz)).ResponseAsync);
            answers.Add((error.StatusCode, error.Status.Detail));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal((StatusCode.AlreadyExists, "This username cannot be used; choose another."), answers[0]);
        Assert.DoesNotContain("jb.admin", answers[0].Detail, StringComparison.Ordinal);

        // Over REST the bodies are the same too.
        async Task<string> RestAsync(string name)
        {
            using var response = await app.Http.SendAsync(app.Request(HttpMethod.Post, "/api/v1/accounts", yz,
                new
                {
                    username = name,
                    displayName = "冒名",
                    roles = new[] { "district-leader" },
                    password = "some-password",
                }));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal(await RestAsync("yz.scj"), await RestAsync("jb.admin"));
    }

    [Fact]
    public async Task RowLevelSecurityAloneHidesOtherTenantsWhenTheEfFilterIsOff()
    {
        await using var jb = Context(c => c.SetTenant("500105"));
        var seenByJb = await jb.Units
            .IgnoreQueryFilters([TenantDbContext.TenantFilter])
            .Select(u => u.TenantId)
            .Distinct()
            .ToListAsync();
        Assert.DoesNotContain("500103", seenByJb);
        Assert.Empty(await jb.Accounts.IgnoreQueryFilters(
            [TenantDbContext.TenantFilter]).Where(a => a.TenantId == "500103").ToListAsync());

        // The same query as 渝中 does see 渝中's rows: the policy, not an empty table, hid them.
        await using var yz = Context(c => c.SetTenant("500103"));
        Assert.Contains("500103", await yz.Units.IgnoreQueryFilters(
            [TenantDbContext.TenantFilter]).Select(u => u.TenantId).Distinct().ToListAsync());

        // With no tenant on the connection, nothing at all.
        await using var none = Context(_ => { });
        Assert.Empty(await none.Units.IgnoreQueryFilters([TenantDbContext.TenantFilter]).ToListAsync());
    }

    [Fact]
    public async Task RowLevelSecurityRefusesWritesIntoAnotherTenantAndFromReadOnlyCallers()
    {
        await using var jb = Context(c => c.SetTenant("500105"));
        var target = await Context(c => c.SetTenant("500103")).Units.Select(u => u.Id).FirstAsync();
        var updated = await jb.Units.IgnoreQueryFilters([TenantDbContext.TenantFilter]).Where(u => u.Id == target)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, "被改名"));
        Assert.Equal(0, updated);

        jb.Units.Add(Domain.Unit.Create("500103", "冒名单位", Domain.UnitKind.Unit, [], DateTimeOffset.UtcNow));
        var insert = await Assert.ThrowsAsync<DbUpdateException>(() => jb.SaveChangesAsync());
        Assert.Equal(
            PostgresErrorCodes.InsufficientPrivilege,
            Assert.IsType<PostgresException>(insert.InnerException).SqlState);

        var viewer = new TenantContext();
        viewer.SetFromPrincipal(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("tenant", "500000"), new("role", "municipal-viewer")], "test")));
        await using var readOnly = Context(viewer);
        Assert.NotEmpty(await readOnly.Units.Where(u => u.TenantId == "500103").ToListAsync());
        readOnly.Units
            .Add(Domain.Unit.Create("500000", "市级单位", Domain.UnitKind.Unit, [], DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => readOnly.SaveChangesAsync());
    }

    [Fact]
    public async Task TheApplicationRoleOwnsNoTableAndEveryTenantTableForcesRowLevelSecurity()
    {
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
            """, connection);
        var tables = new Dictionary<string, (string Owner, bool Rls, bool Forced)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
            }
        }

        Assert.DoesNotContain(tables.Values, t => t.Owner == Platform.Testing.PostgresServer.AppRole);
        foreach (var table in new[]
        {
            "units",
            "unit_aliases",
            "accounts",
            "clients",
            "refresh_tokens",
            "sign_in_lockouts",
        })
        {
            Assert.True(tables[table].Rls && tables[table].Forced, $"{table} must enable and force row-level security");
        }
    }

    private UnitsDbContext Context(Action<TenantContext> set)
    {
        var tenant = new TenantContext();
        set(tenant);
        return Context(tenant);
    }

    private UnitsDbContext Context(TenantContext tenant)
    {
        var options = new DbContextOptionsBuilder<UnitsDbContext>()
            .UseNpgsql(app.Database.AppConnectionString)
            .AddInterceptors(new TenantConnectionInterceptor(tenant, new TenantContextKey(app.Database.ContextKey)))
            .Options;
        return new(options, tenant);
    }
}
