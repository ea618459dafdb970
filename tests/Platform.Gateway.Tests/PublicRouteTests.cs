using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.Gateway.Tests;

/// <summary>
/// The public progress pages through the gateway: reachable without a token, carrying no credential onwards, and no
/// way through them to anything that needs a sign-in, however the path is spelled.
/// </summary>
public sealed partial class PublicRouteTests(PublicGatewayApp app) : IClassFixture<PublicGatewayApp>
{
    [Fact]
    public async Task TheDistrictsDataIsServedByReportingWithoutAToken()
    {
        var received = await ServedAsync(app.Request(HttpMethod.Get, "/public/v1/500103?x=/api/v1/reports"));
        Assert.Equal("reporting", received.GetProperty("served").GetString());
        Assert.Equal("/public/v1/500103", received.GetProperty("path").GetString());
        Assert.Equal("GET", received.GetProperty("method").GetString());
    }

    [Fact]
    public async Task ThePublicPagesAreThePortalsWithoutAToken()
    {
        foreach (var path in new[] { "/public/500103", "/public/500103/feed.atom" })
        {
            var received = await ServedAsync(app.Request(HttpMethod.Get, path));
            Assert.Equal("portal", received.GetProperty("served").GetString());
            Assert.Equal(path, received.GetProperty("path").GetString());
        }
    }

    [Theory]
    [InlineData("/public/v1/500103")]
    [InlineData("/public/500103")]
    public async Task NoCredentialOrTenantHeaderTravelsThroughAPublicRoute(string path)
    {
        using var request = app.Request(HttpMethod.Get, path, app.Token());
        request.Headers.Add("Cookie", "duban.session=opaque");
        request.Headers.Add("Proxy-Authorization", "Basic eDp5");
        request.Headers.Add("X-Tenant-Id", "500105");
        var headers = (await ServedAsync(request)).GetProperty("headers");
        foreach (var header in new[] { "authorization", "cookie", "proxy-authorization", "x-tenant-id" })
        {
            Assert.False(headers.TryGetProperty(header, out _), $"{header} reached the backend through {path}");
        }
    }

    [Theory]
    [InlineData("/public/v1/../api/v1/reports")]
    [InlineData("/public/v1/500103/../../../api/v1/reports")]
    [InlineData("/public/v1/%2e%2e/%2e%2e/api/v1/reports")]
    [InlineData("/public/v1/500103%2F..%2F..%2F..%2Fapi%2Fv1%2Freports")]
    [InlineData("/public/v1/500103%2f..%2f..%2fapi%2fv1%2freporting-settings")]
    [InlineData("/public/v1/500103/../publicpage")]
    [InlineData("/public/../api/v1/publicpage")]
    [InlineData("/public/500103/../../api/v1/units")]
    [InlineData("/public/v1/500103%20")]
    [InlineData("/public/500103/feed.atom/../../../api/v1/units")]
    [InlineData("/public/500103%2F..%2F..%2Fapi%2Fv1%2Funits")]
    [InlineData("/public/abc")]
    [InlineData("/public/v1/500103/")]
    [InlineData("/public/v1/500103/feed")]
    [InlineData("/public/v1/5001030")]
    [InlineData("/public/v1/50010")]
    [InlineData("/public/v1/abcdef")]
    [InlineData("/public/v1/")]
    [InlineData("/public/v1")]
    [InlineData("/public/%2e%2e/api/v1/units")]
    [InlineData("/public/v1/500103;/api/v1/units")]
    public async Task NoPathTrickReachesAnythingButThePublicData(string path)
    {
        // The raw path as a hostile client writes it: no client-side normalisation of dots or escapes.
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = PathString.FromUriComponent(path);
        });
        var status = (HttpStatusCode)context.Response.StatusCode;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        if (status != HttpStatusCode.OK)
        {
            Assert.Contains(
                status,
                new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
            Assert.DoesNotContain("\"served\"", body, StringComparison.Ordinal);
            return;
        }

        // Whatever answered is a public route: reporting's data for six digits, or the portal's public pages.
        var received = JsonDocument.Parse(body).RootElement;
        var served = received.GetProperty("served").GetString();
        var forwarded = received.GetProperty("path").GetString()!;
        Assert.True(
            (served == "reporting" && PublicDataPath().IsMatch(forwarded))
            || (served == "portal" && forwarded.StartsWith("/public/", StringComparison.Ordinal)),
            $"{path} reached {served} at {forwarded}");
        Assert.False(received.GetProperty("headers").TryGetProperty("authorization", out _));
    }

    [Fact]
    public async Task OnlyReadsReachTheData()
    {
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var response = await app.Http.SendAsync(app.Request(method, "/public/v1/500103", app.Token()));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("\"served\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePublicPagesOfficeSettingsStillNeedASignIn()
    {
        using (var anonymous = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/publicpage")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var received = await ServedAsync(app.Request(HttpMethod.Get, "/api/v1/publicpage", app.Token()));
        Assert.Equal("reporting", received.GetProperty("served").GetString());
        using var publish = await app.Http.SendAsync(app.Request(HttpMethod.Post, "/api/v1/publicpage:publish"));
        Assert.Equal(HttpStatusCode.Unauthorized, publish.StatusCode);
    }

    private async Task<JsonElement> ServedAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await app.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    [GeneratedRegex("^/public/v1/[0-9]{6}$")]
    private static partial Regex PublicDataPath();
}
