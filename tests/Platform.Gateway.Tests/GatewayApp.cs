using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway in front of a real HTTP backend that echoes what it received (or answers like a service that failed),
/// validating tokens with a test key. Rate limits are small so tests can exceed them.
/// </summary>
public sealed class GatewayApp : IAsyncLifetime
{
    public const int TenantBurst = 5;
    public const int AnonymousBurst = 4;

    private WebApplication backend = null!;
    private WebApplicationFactory<Program> factory = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public HttpMessageHandler Handler { get; private set; } = null!;

    public Uri BaseAddress => factory.Server.BaseAddress;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        backend = builder.Build();
        backend.MapGet("/api/v1/units/missing", () => Results.Json(new { code = 5, message = "unit 'missing' was not found.", details = Array.Empty<object>() }, statusCode: 404));
        backend.MapPost("/api/v1/task-lists:import", async (HttpRequest request) => Results.Json(new { received = (await new StreamReader(request.Body).ReadToEndAsync()).Length }));
        backend.MapMethods("/api/v1/units/{**rest}", ["GET", "POST"], (HttpRequest request) => Results.Json(new
        {
            path = request.Path.Value,
            headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        }));
        await backend.StartAsync();
        var address = backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Services:Units:Http", address);
            b.UseSetting("Services:Units:Grpc", address);
            b.UseSetting("Services:Tasks:Http", address);
            b.UseSetting("RateLimiting:Tenant:TokenLimit", TenantBurst.ToString());
            b.UseSetting("RateLimiting:Tenant:TokensPerSecond", "1");
            b.UseSetting("RateLimiting:Anonymous:TokenLimit", AnonymousBurst.ToString());
            b.UseSetting("RateLimiting:Anonymous:TokensPerSecond", "1");
            b.UseSetting("Limits:MaxApiBodyBytes", "65536");
            b.UseSetting("Limits:MaxImportBodyBytes", "262144");
        });
        Http = factory.CreateClient();
        Handler = factory.Server.CreateHandler();
    }

    public string Token(string tenant) => Tokens.Issue(tenant, ["district-admin"], ["units.read", "units.write"]);

    public HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await backend.DisposeAsync();
        Tokens.Dispose();
    }
}
