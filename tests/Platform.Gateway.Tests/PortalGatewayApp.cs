using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway in front of two real HTTP backends, a units service and a portal, each answering every path with who
/// it is and what it received. A gateway of its own, so the other tests' rate-limit buckets do not reach these; the
/// anonymous bucket is small (a burst of browser requests would exceed it), the portal's keeps its default.
/// </summary>
public sealed class PortalGatewayApp : GatewayHost
{
    public const int AnonymousBurst = 5;

    private WebApplication units = null!;
    private WebApplication portal = null!;

    protected override async Task<Dictionary<string, string>> StartBackendsAsync()
    {
        units = await StartBackendAsync("units", _ => { });
        portal = await StartBackendAsync("portal", app =>
            // A refusal in the shape of a service status: the gateway must pass the portal's answers through
            // as they are.
            app.MapGet("/inbox/unread", () => Results.Json(
                new { code = 7, message = "not yours" },
                statusCode: StatusCodes.Status403Forbidden)));
        return new Dictionary<string, string>
        {
            ["Services:Units:Http"] = TestHosts.Address(units),
            ["Services:Portal:Http"] = TestHosts.Address(portal),
            ["RateLimiting:Anonymous:TokenLimit"] = AnonymousBurst.ToString(),
            ["RateLimiting:Anonymous:TokensPerSecond"] = "1",
        };
    }

    protected override async Task StopBackendsAsync()
    {
        await portal.DisposeAsync();
        await units.DisposeAsync();
    }

    // As a browser would see it: no redirects followed, cookies only where a test sets them.
    protected override HttpClient CreateClient(WebApplicationFactory<Program> gateway) =>
        gateway.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string Token() => Tokens.Issue("500103", ["district-admin"], ["units.read"]);

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null) =>
        TestHosts.Request(method, path, token);

    private static Task<WebApplication> StartBackendAsync(string name, Action<WebApplication> map) =>
        TestHosts.StartBackendAsync(app =>
        {
            map(app);
            app.Map("/{**path}", async (HttpRequest request) => Results.Json(new
            {
                served = name,
                method = request.Method,
                path = request.Path.Value,
                query = request.QueryString.ToString(),
                body = await new StreamReader(request.Body).ReadToEndAsync(),
                headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            }));
        });
}
