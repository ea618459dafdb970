using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Portal.Tests;

/// <summary>
/// Behind the gateway the portal's redirects name the browser's scheme and host, which the gateway forwards; the same
/// headers from anyone but a trusted proxy are ignored. No gateway is called: the sign-in redirect needs none.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly WebApplicationFactory<Program> factory =
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:Http", "http://127.0.0.1:9");
            b.UseSetting("Gateway:Grpc", "http://127.0.0.1:9");
            b.UseSetting("Portal:TrustedProxies", "10.244.0.0/16, 192.0.2.7");
        });

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("10.244.3.17", "https://duban.example")]
    [InlineData("192.0.2.7", "https://duban.example")]
    [InlineData("10.245.0.1", "http://localhost")]
    [InlineData("127.0.0.1", "http://localhost")]
    public async Task ARedirectNamesTheBrowsersSchemeAndHostOnlyFromBehindATrustedProxy(string peer, string origin)
    {
        var location = await SignInRedirectAsync(peer);
        Assert.StartsWith(origin + "/login?", location, StringComparison.Ordinal);
        // From an untrusted address the forwarded host appears nowhere, not even in the return address.
        Assert.Equal(origin == "https://duban.example", location.Contains("duban.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByDefaultOnlyTheGatewayOnTheSameMachineIsTrusted()
    {
        using var local = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:Http", "http://127.0.0.1:9");
            b.UseSetting("Gateway:Grpc", "http://127.0.0.1:9");
        });
        Assert.StartsWith(
            "https://duban.example/login?", await SignInRedirectAsync(local, "127.0.0.1"), StringComparison.Ordinal);
        Assert.StartsWith(
            "http://localhost/login?", await SignInRedirectAsync(local, "10.244.3.17"), StringComparison.Ordinal);
    }

    private Task<string> SignInRedirectAsync(string remoteAddress) => SignInRedirectAsync(factory, remoteAddress);

    /// <summary>
    /// A page that needs a sign-in, asked from <paramref name="remoteAddress"/> with the headers a gateway sends.
    /// </summary>
    private static async Task<string> SignInRedirectAsync(WebApplicationFactory<Program> host, string remoteAddress)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/tasks";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Host"] = "duban.example";
        });
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        return context.Response.Headers.Location.ToString();
    }
}
