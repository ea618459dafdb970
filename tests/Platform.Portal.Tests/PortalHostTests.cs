using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;
using static Platform.Portal.Tests.PortalForms;

namespace Platform.Portal.Tests;

/// <summary>
/// The portal host in memory, signing in against the running stack's gateway: the session's idle end, the antiforgery
/// check, no redirect off the site, a refused password, role-gated pages and the browser security headers.
/// </summary>
public sealed class PortalHostTests : IDisposable
{
    private readonly WebApplicationFactory<Program> factory =
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:Http", StackEndpoints.Gateway.ToString());
            b.UseSetting("Gateway:Grpc", StackEndpoints.GatewayGrpc.ToString());
            b.UseSetting("Portal:SessionIdle", "00:00:03");
        });

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnIdleSessionEndsAndTheNextPageAsksForTheSignIn()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "yz.admin", "demo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tasks")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(4));
        var after = await client.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var location = after.Headers.Location!.OriginalString
            .Replace("http://localhost", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiringTokenIsRefreshedOnceEvenWhenRequestsRace()
    {
        // Every request finds the 30-minute access token "about to expire": each refreshes, rotating the refresh token.
        using var refreshing = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Portal:RefreshBefore", "01:00:00");
            b.UseSetting("Portal:SessionIdle", "00:30:00");
        });
        var client = refreshing.CreateClient(PortalForms.NoRedirects);
        await SignInAsync(client, "yz.leader", "demo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tasks")).StatusCode);

        // Two requests with the same cookie at once: had both presented the same refresh token, the token endpoint
        // would have ended every session of the account.
        var racing = await Task.WhenAll(client.GetAsync("/tasks"), client.GetAsync("/inbox"));
        Assert.All(racing, r => Assert.True(
            r.StatusCode == HttpStatusCode.OK,
            $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode} {r.Headers.Location}"));
        var after = await client.GetAsync("/dashboard");
        Assert.True(
            after.StatusCode == HttpStatusCode.OK, $"after the race: {(int)after.StatusCode} {after.Headers.Location}");
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = Client();
        await SignInAsync(client, "yz.scj", "demo");
        var forged = await client.PostAsync(
            "/my?handler=Sign",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = Guid.NewGuid().ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TheSignInNeverRedirectsOffTheSiteAndSaysWhenThePasswordIsWrong()
    {
        var client = Client();
        var wrong = await SignInAsync(client, "yz.admin", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var target in new[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" })
        {
            var signedIn = await SignInAsync(Client(), "yz.admin", "demo", target);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task TheOfficesPagesAreRefusedToAReporterAndEveryPageCarriesTheSecurityHeaders()
    {
        var client = Client();
        await SignInAsync(client, "yz.scj", "demo");
        string[] officePages =
            ["/office/reviews", "/office/lists", "/office/settings", "/office/webhooks", "/office/requests"];
        foreach (var path in officePages)
        {
            var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("无权查看", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var page = await client.GetAsync("/my");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var cookie = (await SignInAsync(Client(), "yz.scj", "demo")).Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("duban.session", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Client() => factory.CreateClient(PortalForms.NoRedirects);
}
