using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>Bad input gets a readable 400 / InvalidArgument naming the problem — never a 500.</summary>
[Collection(UnitsCollection.Name)]
public sealed class BadInputTests(UnitsApp app)
{
    [Theory]
    [InlineData("{\"name\":", "not correctly formatted")]
    [InlineData("{\"name\":\"区新局\",\"kind\":\"UNIT_KIND_BOGUS\"}", "UNIT_KIND_BOGUS")]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("[1,2,3]", "")]
    public async Task MalformedOrInvalidJsonIsA400WithAReason(string json, string reason)
    {
        var token = await app.TokenAsync("yz.admin");
        using var request = app.Request(HttpMethod.Post, "/api/v1/units", token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("code").GetInt32());
        Assert.Contains(reason, body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("990103")]
    public async Task AnInvalidDivisionCodeIsRefused(string code)
    {
        var admin = await app.TokenAsync("platform.admin", UnitsApp.AdminPassword);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            app.Tenants(admin).CreateTenantAsync(
                new CreateTenantRequest { Id = code, Name = "某区" },
                UnitsApp.Bearer(admin)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("GB/T 2260", error.Status.Detail);
    }

    [Fact]
    public async Task OverlongNamesAndTooManyNamesAreRefusedWithTheField()
    {
        var token = await app.TokenAsync("yz.admin");
        var longName = await Assert.ThrowsAsync<RpcException>(() =>
            app.Units().CreateUnitAsync(
                new CreateUnitRequest { Name = new string('局', 500) },
                UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, longName.StatusCode);
        Assert.StartsWith("name:", longName.Status.Detail);

        var many = new ResolveUnitNamesRequest();
        many.Names.AddRange(Enumerable.Range(0, 501).Select(i => "单位" + i));
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => app.Units().ResolveUnitNamesAsync(
            many,
            UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
        Assert.StartsWith("names:", tooMany.Status.Detail);

        var pageSize = await Assert.ThrowsAsync<RpcException>(() =>
            app.Units().ListUnitsAsync(
                new ListUnitsRequest { PageSize = 100000 },
                UnitsApp.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, pageSize.StatusCode);
    }

    [Fact]
    public async Task AnUnparseableIdIsNotFoundNotAnError()
    {
        var token = await app.TokenAsync("yz.admin");
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/units/not-a-guid", token));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NoTokenIsUnauthenticated()
    {
        using var response = await app.Http.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(
            () => app.Units().ListUnitsAsync(new ListUnitsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
