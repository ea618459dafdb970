using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// A platform admin provisions a district as the GB/T 2260 table has it, with its first district-admin in the same
/// transaction (a one-time password, replaced at the first sign-in), and suspends it: nobody of the district signs in,
/// its tokens and its integration clients' stop counting, other districts go on; resumed, it works again.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class TenantProvisioningTests(UnitsApp app)
{
    [Fact]
    public async Task ADistrictIsProvisionedAsTheTableNamesItWithItsFirstAdminInOneTransaction()
    {
        var admin = await app.TokenAsync("platform.admin", UnitsApp.AdminPassword);
        var tenants = app.Tenants(admin);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500199", ParentId = "500000" }, UnitsApp.Bearer(admin)).ResponseAsync);
        Assert.Contains("GB/T 2260", unknown.Status.Detail);
        var misnamed = await Assert.ThrowsAsync<RpcException>(() => tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500107", Name = "渝中区", ParentId = "500000" },
            UnitsApp.Bearer(admin)).ResponseAsync);
        Assert.Contains("九龙坡区", misnamed.Status.Detail);

        // A first admin whose username is taken: neither the district nor the account is created.
        var taken = await Assert.ThrowsAsync<RpcException>(() => tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500108", ParentId = "500000", AdminUsername = "yz.admin" },
            UnitsApp.Bearer(admin)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            tenants.GetTenantAsync(
                new GetTenantRequest { Id = "500108" },
                UnitsApp.Bearer(admin)).ResponseAsync)).StatusCode);

        var username = "jlp.admin" + Guid.NewGuid().ToString("N")[..4];
        var created = await tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500107", ParentId = "500000", AdminUsername = username },
            UnitsApp.Bearer(admin));
        Assert.Equal(("九龙坡区", "500000"), (created.Name, created.ParentId));
        Assert.Equal(["district-admin"], created.FirstAdmin.Roles);
        Assert.True(created.FirstAdmin.MustChangePassword);
        Assert.Equal(StatusCode.AlreadyExists, (await Assert.ThrowsAsync<RpcException>(() => tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500107", ParentId = "500000" },
            UnitsApp.Bearer(admin)).ResponseAsync)).StatusCode);

        var (first, _) = await app.SignInAsync(username, created.FirstAdmin.InitialPassword);
        Assert.Equal(HttpStatusCode.BadRequest, first);
        var (signedIn, tokens) =
            await app.SignInAsync(username, created.FirstAdmin.InitialPassword, "jlp-own-password");
        Assert.Equal(HttpStatusCode.OK, signedIn);
        var office = tokens.GetProperty("access_token").GetString()!;
        var unit = await app.Units().CreateUnitAsync(
            new CreateUnitRequest { Name = "区市场监管局" },
            UnitsApp.Bearer(office));
        Assert.Equal("500107", unit.TenantId);

        // Only the platform provisions.
        var district = await app.TokenAsync("yz.admin");
        Assert.Equal(
            StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(() => app.Tenants(district).CreateTenantAsync(
            new CreateTenantRequest { Id = "500109", ParentId = "500000" },
            UnitsApp.Bearer(district)).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task ASuspendedDistrictSignsNobodyInAndItsTokensStopWhileOthersGoOn()
    {
        var admin = await app.TokenAsync("platform.admin", UnitsApp.AdminPassword);
        var tenants = app.Tenants(admin);
        var username = "dd.admin" + Guid.NewGuid().ToString("N")[..4];
        var created = await tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500104", ParentId = "500000", AdminUsername = username },
            UnitsApp.Bearer(admin));
        var (_, session) = await app.SignInAsync(username, created.FirstAdmin.InitialPassword, "dd-own-password");
        var token = session.GetProperty("access_token").GetString()!;
        var clientSecret = "dadukou-integration-secret";
        await app.Access().CreateClientAsync(
            new CreateClientRequest
            {
                ClientId = "dd.integration" + username[^4..],
                TenantId = "500104",
                Scopes = { "units.read" },
                Secret = clientSecret,
            },
            UnitsApp.Bearer(admin));
        var clientToken = (await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "dd.integration" + username[^4..],
            ["client_secret"] = clientSecret,
        })).GetProperty("access_token").GetString()!;
        var neighbour = await app.TokenAsync("yz.admin");

        // Only a platform admin suspends, and only a district.
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            app.Tenants(token).SuspendTenantAsync(
                new TenantActionRequest { Id = "500104" },
                UnitsApp.Bearer(token)).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() =>
            tenants.SuspendTenantAsync(
                new TenantActionRequest { Id = "500000" },
                UnitsApp.Bearer(admin)).ResponseAsync)).StatusCode);

        var suspended =
            await tenants.SuspendTenantAsync(new TenantActionRequest { Id = "500104" }, UnitsApp.Bearer(admin));
        Assert.NotNull(suspended.SuspendedAt);
        var (refused, body) = await app.SignInAsync(username, "dd-own-password");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("suspended", body.GetProperty("error_description").GetString());
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await app.RefreshAsync(session.GetProperty("refresh_token").GetString()!)).Status);
        using (var client = await app.Http.PostAsync(
            "/connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "dd.integration" + username[^4..],
            ["client_secret"] = clientSecret,
        })))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, client.StatusCode);
        }

        await UnitsApp.EventuallyAsync(async () => await app.StatusAsync(token) == HttpStatusCode.Unauthorized
            && await app.StatusAsync(clientToken) == HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(neighbour));

        // Resumed: the people sign in again (old sessions stay ended), the data is still there.
        await tenants.ResumeTenantAsync(new TenantActionRequest { Id = "500104" }, UnitsApp.Bearer(admin));
        var (back, again) = await app.SignInAsync(username, "dd-own-password");
        Assert.Equal(HttpStatusCode.OK, back);
        await UnitsApp.EventuallyAsync(
            async () => await app.StatusAsync(again.GetProperty("access_token").GetString()!) == HttpStatusCode.OK);
    }
}
