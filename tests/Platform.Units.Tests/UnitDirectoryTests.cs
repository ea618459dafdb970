using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Npgsql;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

[Collection(UnitsCollection.Name)]
public sealed class UnitDirectoryTests(UnitsApp app)
{
    [Fact]
    public async Task DistrictAdminCreatesRenamesAndAliasesAUnitAndEachChangeIsPublished()
    {
        var token = await app.TokenAsync("yz.admin");
        var units = app.Units();
        var name = "区测试局" + UnitsApp.Unique();
        var created = await units.CreateUnitAsync(new CreateUnitRequest { Name = name }, UnitsApp.Bearer(token));
        Assert.Equal("500103", created.TenantId);
        Assert.Equal(1, created.Version);

        var renamed = await units.RenameUnitAsync(
            new RenameUnitRequest { Id = created.Id, Name = name + "新" },
            UnitsApp.Bearer(token));
        Assert.Equal([name], renamed.Aliases);
        var aliased = await units.AddUnitAliasAsync(
            new AddUnitAliasRequest { Id = created.Id, Alias = name + "简称" },
            UnitsApp.Bearer(token));
        Assert.Equal(3, aliased.Version);

        var fetched = await units.GetUnitAsync(new GetUnitRequest { Id = created.Id }, UnitsApp.Bearer(token));
        Assert.Equal(name + "新", fetched.Name);

        // Three UnitChanged rows were written with the changes and the relay confirmed each to the broker.
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long sent = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT count(*) FROM outbox_messages
                WHERE "MessageType" LIKE 'Platform.Contracts.Events.UnitChanged,%' AND "SentAt" IS NOT NULL
                    AND "Body"->>'unitId' = @id
                """,
                connection);
            command.Parameters.AddWithValue("id", created.Id);
            sent = (long)(await command.ExecuteScalarAsync())!;
            if (sent == 3)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal(3, sent);
    }

    [Fact]
    public async Task ResolveMapsAliasesAndWrittenOutNamesAndReportsTheRest()
    {
        var token = await app.TokenAsync("yz.admin");
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Post, "/api/v1/units:resolve", token,
            new
            {
                names = new[] { "区经信委", "渝中区市场监管局", "各街道办事处", "区不存在局" },
            }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("区经济信息委", results[0].GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("MATCH_KIND_ALIAS", results[0].GetProperty("match").GetString());
        Assert.Equal("区市场监管局", results[1].GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("各街道办事处", results[2].GetProperty("unit").GetProperty("name").GetString());
        Assert.False(results[3].GetProperty("resolved").GetBoolean());
        Assert.Equal(1, body.GetProperty("unresolvedCount").GetInt32());
    }

    [Fact]
    public async Task ANameOrAliasBelongsToOneUnitOfADistrict()
    {
        var token = await app.TokenAsync("yz.admin");
        var units = app.Units();
        var name = await Assert.ThrowsAsync<RpcException>(() => units.CreateUnitAsync(
            new CreateUnitRequest { Name = "区市场监管局" },
            UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, name.StatusCode);
        var alias = await Assert.ThrowsAsync<RpcException>(() => units.CreateUnitAsync(
            new CreateUnitRequest { Name = "区经信委" },
            UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, alias.StatusCode);

        // Another district may have a unit of the same name.
        var jb = await app.TokenAsync("jb.admin");
        var same = await units.CreateUnitAsync(
            new CreateUnitRequest { Name = "区经信委" + Guid.NewGuid().ToString("N")[..4] },
            UnitsApp.Bearer(jb));
        Assert.Equal("500105", same.TenantId);
    }

    [Fact]
    public async Task ListingPagesAndFiltersByText()
    {
        var token = await app.TokenAsync("yz.admin");
        var first = await app.Units().ListUnitsAsync(new ListUnitsRequest { PageSize = 1 }, UnitsApp.Bearer(token));
        Assert.Single(first.Units);
        Assert.True(first.TotalSize >= 3);
        var second = await app.Units().ListUnitsAsync(
            new ListUnitsRequest { PageSize = 1, PageToken = first.NextPageToken },
            UnitsApp.Bearer(token));
        Assert.NotEqual(first.Units[0].Id, second.Units[0].Id);

        var byAlias =
            await app.Units().ListUnitsAsync(new ListUnitsRequest { Query = "经信委" }, UnitsApp.Bearer(token));
        Assert.Equal("区经济信息委", Assert.Single(byAlias.Units).Name);
    }

    [Fact]
    public async Task ReportersReadTheDirectoryButDoNotChangeIt()
    {
        var token = await app.TokenAsync("yz.scj");
        var list = await app.Units().ListUnitsAsync(new ListUnitsRequest(), UnitsApp.Bearer(token));
        Assert.NotEmpty(list.Units);
        var error = await Assert.ThrowsAsync<RpcException>(() => app.Units().CreateUnitAsync(
            new CreateUnitRequest { Name = "区新局" },
            UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task TenantsAreCreatedByThePlatformAdminAndSeenByWhoOverseesThem()
    {
        var district = await app.TokenAsync("yz.admin");
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            app.Tenants(district).CreateTenantAsync(
                new CreateTenantRequest { Id = "500106", Name = "沙坪坝区", ParentId = "500000" },
                UnitsApp.Bearer(district)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var yz = await app.Tenants(district).ListTenantsAsync(new ListTenantsRequest(), UnitsApp.Bearer(district));
        Assert.Equal(["500103"], yz.Tenants.Select(t => t.Id));
        var viewer = await app.TokenAsync("cq.viewer");
        var cq = await app.Tenants(viewer).ListTenantsAsync(new ListTenantsRequest(), UnitsApp.Bearer(viewer));
        Assert.Contains("500103", cq.Tenants.Select(t => t.Id));
        Assert.Contains("500105", cq.Tenants.Select(t => t.Id));
        var jb = await app.TokenAsync("jb.admin");
        var hidden = await Assert.ThrowsAsync<RpcException>(() => app.Tenants(jb).GetTenantAsync(
            new GetTenantRequest { Id = "500103" },
            UnitsApp.Bearer(jb)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task DistrictAdminsManageOnlyTheirOwnDistrictsPeopleWithDistrictRoles()
    {
        var token = await app.TokenAsync("yz.admin");
        var access = app.Access();
        var created = await access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = "yz.leader" + Guid.NewGuid().ToString("N")[..4],
            DisplayName = "领导",
            Roles = { "district-leader" },
            Password = "leader-pass",
        }, UnitsApp.Bearer(token));
        Assert.Equal("500103", created.TenantId);

        var otherTenant =
            await Assert.ThrowsAsync<RpcException>(() => access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = "sneaky",
            DisplayName = "x",
            TenantId = "500105",
            Roles = { "district-admin" },
            Password = "sneaky-pass",
        }, UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);

        var escalate = await Assert.ThrowsAsync<RpcException>(() => access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = "root2", DisplayName = "x", Roles = { "platform-admin" }, Password = "root2-pass",
        }, UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, escalate.StatusCode);

        var reporterWithoutUnit =
            await Assert.ThrowsAsync<RpcException>(() => access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = "nounit", DisplayName = "x", Roles = { "unit-reporter" }, Password = "nounit-pass",
        }, UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Contains("unit_id", reporterWithoutUnit.Status.Detail);
    }
}
