using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway in front of a real HTTP backend that echoes what it received (or answers like a service that failed),
/// validating tokens with a test key. Rate limits are small so tests can exceed them.
/// </summary>
public sealed class GatewayApp : GatewayHost
{
    public const int TenantBurst = 5;
    public const int AnonymousBurst = 4;

    private WebApplication backend = null!;

    protected override async Task<Dictionary<string, string>> StartBackendsAsync()
    {
        backend = await TestHosts.StartBackendAsync(MapBackend);
        var address = TestHosts.Address(backend);
        return new Dictionary<string, string>
        {
            ["Services:Units:Http"] = address,
            ["Services:Units:Grpc"] = address,
            ["Services:Tasks:Http"] = address,
            ["RateLimiting:Tenant:TokenLimit"] = TenantBurst.ToString(),
            ["RateLimiting:Tenant:TokensPerSecond"] = "1",
            ["RateLimiting:Anonymous:TokenLimit"] = AnonymousBurst.ToString(),
            ["RateLimiting:Anonymous:TokensPerSecond"] = "1",
            ["Limits:MaxApiBodyBytes"] = "65536",
            ["Limits:MaxImportBodyBytes"] = "262144",
        };
    }

    protected override Task StopBackendsAsync() => backend.DisposeAsync().AsTask();

    public string Token(string tenant) => Tokens.Issue(tenant, ["district-admin"], ["units.read", "units.write"]);

    public HttpRequestMessage Get(string path, string? token) => TestHosts.Request(HttpMethod.Get, path, token);

    private static void MapBackend(WebApplication backend)
    {
        backend.MapGet("/api/v1/units/missing", () => Results.Json(
            new { code = 5, message = "unit 'missing' was not found.", details = Array.Empty<object>() },
            statusCode: 404));
        backend.MapPost("/api/v1/task-lists:import", async (HttpRequest request) => Results.Json(new
        {
            received = (await new StreamReader(request.Body).ReadToEndAsync()).Length,
        }));
        backend.MapMethods("/api/v1/units/{**rest}", ["GET", "POST"], (HttpRequest request) => Results.Json(new
        {
            path = request.Path.Value,
            headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        }));
    }
}
