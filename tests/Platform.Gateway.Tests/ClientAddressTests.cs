using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Gateway.Tests;

/// <summary>
/// Whose bucket a token request draws from: the portal (Gateway:PortalAddresses) names each browser in
/// X-Forwarded-For and each gets its own; anyone else is counted by the address they connect from, whatever
/// X-Forwarded-For they send. A gateway of its own, so no other test's buckets reach these.
/// </summary>
public sealed class ClientAddressTests : IAsyncLifetime
{
    private const int Burst = 3;
    private const string Portal = "192.0.2.10";

    private WebApplication units = null!;
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        units = await TestHosts.StartBackendAsync(app =>
            app.MapPost("/connect/token", (HttpRequest request) => Results.Json(new
            {
                forwardedFor = request.Headers["X-Forwarded-For"].ToString(),
            })));
        factory = TestHosts.Gateway(new Dictionary<string, string>
        {
            ["Services:Units:Http"] = TestHosts.Address(units),
            ["Gateway:PortalAddresses"] = Portal,
            ["RateLimiting:Anonymous:TokenLimit"] = Burst.ToString(),
            ["RateLimiting:Anonymous:TokensPerSecond"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await units.DisposeAsync();
    }

    [Fact]
    public async Task AForgedForwardedForFromAnyoneButThePortalDoesNotBuyAFreshBucket()
    {
        await ExhaustAsync("198.51.100.20", "203.0.113.1");
        var forged = await PostTokenAsync("198.51.100.20", "203.0.113.2");
        Assert.Equal(StatusCodes.Status429TooManyRequests, forged.Response.StatusCode);
        var detail = JsonDocument.Parse(await new StreamReader(forged.Response.Body).ReadToEndAsync()).RootElement
            .GetProperty("detail")
            .GetString();
        Assert.StartsWith("Too many requests from this address", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePortalsBrowsersEachHaveTheirOwnBucketAndTheBrowserIsPassedOn()
    {
        await ExhaustAsync(Portal, "203.0.113.3");
        Assert.Equal(
            StatusCodes.Status429TooManyRequests,
            (await PostTokenAsync(Portal, "203.0.113.3")).Response.StatusCode);

        var another = await PostTokenAsync(Portal, "203.0.113.4");
        Assert.Equal(StatusCodes.Status200OK, another.Response.StatusCode);
        var seen = JsonDocument.Parse(await new StreamReader(another.Response.Body).ReadToEndAsync()).RootElement
            .GetProperty("forwardedFor")
            .GetString();
        Assert.Equal("203.0.113.4", seen);

        // The portal's own address is just one more caller to the others: a browser's bucket is not the portal's.
        Assert.Equal(StatusCodes.Status200OK, (await PostTokenAsync(Portal, forwardedFor: null)).Response.StatusCode);
    }

    private async Task ExhaustAsync(string remote, string forwardedFor)
    {
        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await PostTokenAsync(remote, forwardedFor)).Response.StatusCode);
        }
    }

    private Task<HttpContext> PostTokenAsync(string remote, string? forwardedFor) => factory.Server.SendAsync(c =>
    {
        c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        c.Request.Method = HttpMethods.Post;
        c.Request.Path = "/connect/token";
        c.Request.ContentType = "application/x-www-form-urlencoded";
        c.Request.Body = new MemoryStream("grant_type=password"u8.ToArray());
        if (forwardedFor is not null)
        {
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
    });
}
