using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Gateway.Tests;

/// <summary>Browsers reach the portal through the gateway at every path the API does not own, and only there.</summary>
public sealed class PortalRoutingTests(PortalGatewayApp app) : IClassFixture<PortalGatewayApp>
{
    [Theory]
    [InlineData("/", "/", "")]
    [InlineData("/tasks?x=1", "/tasks", "?x=1")]
    [InlineData("/css/site.css", "/css/site.css", "")]
    [InlineData("/municipal/500103", "/municipal/500103", "")]
    [InlineData("/apidocs", "/apidocs", "")]
    public async Task BrowserPathsReachThePortalWithoutAToken(string url, string path, string query)
    {
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("portal", received.GetProperty("served").GetString());
        Assert.Equal(path, received.GetProperty("path").GetString());
        Assert.Equal(query, received.GetProperty("query").GetString());
    }

    [Fact]
    public async Task ThePortalGetsTheBrowsersCookieAndFormButNoTenantHeader()
    {
        using var request = app.Request(HttpMethod.Post, "/login");
        request.Headers.Add("Cookie", "duban.session=opaque");
        request.Headers.Add("X-Tenant-Id", "500105");
        request.Headers.Add("X-Tenant", "500105");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "yz.admin" });
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var received = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("portal", received.GetProperty("served").GetString());
        Assert.Equal("POST", received.GetProperty("method").GetString());
        Assert.Equal("userName=yz.admin", received.GetProperty("body").GetString());
        var headers = received.GetProperty("headers");
        Assert.Equal("duban.session=opaque", headers.GetProperty("cookie").GetString());
        Assert.False(headers.TryGetProperty("x-tenant-id", out _));
        Assert.False(headers.TryGetProperty("x-tenant", out _));
    }

    [Fact]
    public async Task ThePortalLearnsTheSchemeAndHostTheGatewaySawNeverTheOnesAClientClaims()
    {
        using var request = app.Request(HttpMethod.Get, "/tasks");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var headers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");
        Assert.Equal(app.Http.BaseAddress!.Authority, headers.GetProperty("x-forwarded-host").GetString());
        Assert.Equal(app.Http.BaseAddress.Scheme, headers.GetProperty("x-forwarded-proto").GetString());
    }

    [Theory]
    [InlineData("/api/v1/nonexistent")]
    [InlineData("/api/v2/units")]
    [InlineData("/api")]
    [InlineData("/connect/authorize")]
    [InlineData("/openapi/secrets.json")]
    [InlineData("/api-docs/secrets.js")]
    public async Task ApiPathsNoServiceServesAreNotFoundAndNeverThePortal(string path)
    {
        using (var signedIn = await app.Http.SendAsync(app.Request(HttpMethod.Get, path, app.Token())))
        {
            Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
            Assert.Equal("application/problem+json", signedIn.Content.Headers.ContentType?.MediaType);
            var problem = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
            Assert.False(problem.TryGetProperty("served", out _));
        }

        // Without a token the API answers as it always has: sign in first. Never a portal page.
        using var anonymous = await app.Http.SendAsync(app.Request(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointStillGoesToUnits()
    {
        using var request = app.Request(HttpMethod.Post, "/connect/token");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" });
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("units", received.GetProperty("served").GetString());
        Assert.Equal("/connect/token", received.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration", false)]
    [InlineData("/openapi/units.json", false)]
    [InlineData("/api/v1/units", true)]
    [InlineData("/api/v1/units/echo?pageSize=5", true)]
    public async Task ServiceRoutesStillGoToTheirService(string path, bool signedIn)
    {
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, path, signedIn ? app.Token() : null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "units",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("served").GetString());
    }

    [Fact]
    public async Task TheGatewaysOwnEndpointsAndApiReferenceAreNotThePortals()
    {
        using (var alive = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/alive")))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
        }

        using (var page = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api-docs/index.html")))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }

        // The reference's script and style are static files of the gateway, served before routing picks the portal.
        using var style = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api-docs/swagger-ui.css"));
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ThePortalsOwnAnswersPassThroughUnchanged()
    {
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/inbox/unread"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, body.GetProperty("code").GetInt32());
        Assert.Equal("not yours", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PagesWithTheirAssetsAreNotThrottledLikeTheTokenEndpoint()
    {
        // Five pages of a browser, each with six assets: far beyond the anonymous burst, well within the portal's.
        var paths = Enumerable.Range(0, 5).SelectMany(i => new[]
        {
            $"/tasks?page={i}",
            "/css/site.css",
            "/js/site.js",
            "/favicon.ico",
            "/inbox/events",
            "/img/logo.svg",
            "/fonts/a.woff2",
        }).ToList();
        Assert.True(paths.Count > PortalGatewayApp.AnonymousBurst * 3);

        var statuses = await Task.WhenAll(paths.Select(async path =>
        {
            using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, path));
            return response.StatusCode;
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
