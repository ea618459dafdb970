using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway in front of three echo backends (units, reporting, the portal), each answering every path with who it
/// is and what it received. A gateway of its own, with a public bucket large enough for the routing tests; the rate
/// limit's tests use <see cref="ThrottledPublicGatewayApp"/>, whose bucket is small.
/// </summary>
public class PublicGatewayApp : GatewayHost
{
    /// <summary>How many public requests an address may make at once.</summary>
    public virtual int PublicBurst => 500;

    private readonly List<WebApplication> backends = [];

    protected override async Task<Dictionary<string, string>> StartBackendsAsync()
    {
        var units = await StartEchoAsync("units");
        var reporting = await StartEchoAsync("reporting");
        var portal = await StartEchoAsync("portal");
        return new Dictionary<string, string>
        {
            ["Services:Units:Http"] = TestHosts.Address(units),
            ["Services:Reporting:Http"] = TestHosts.Address(reporting),
            ["Services:Portal:Http"] = TestHosts.Address(portal),
            ["RateLimiting:Public:TokenLimit"] = PublicBurst.ToString(),
            ["RateLimiting:Public:TokensPerSecond"] = "1",
            ["RateLimiting:Anonymous:TokenLimit"] = "500",
        };
    }

    protected override async Task StopBackendsAsync()
    {
        foreach (var backend in backends)
        {
            await backend.DisposeAsync();
        }
    }

    protected override HttpClient CreateClient(WebApplicationFactory<Program> gateway) =>
        gateway.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string Token() =>
        Tokens.Issue("500103", ["district-admin"], ["units.read", "reports.read", "reports.write"]);

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null) =>
        TestHosts.Request(method, path, token);

    private async Task<WebApplication> StartEchoAsync(string name)
    {
        var app = await TestHosts.StartBackendAsync(app =>
            app.Map("/{**path}", (HttpRequest request) => Results.Json(new
            {
                served = name,
                method = request.Method,
                path = request.Path.Value,
                headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            })));
        backends.Add(app);
        return app;
    }
}
