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
/// The gateway in front of two real HTTP backends, a units service and a portal, each answering every path with who
/// it is and what it received. A gateway of its own, so the other tests' rate-limit buckets do not reach these; the
/// anonymous bucket is small (a burst of browser requests would exceed it), the portal's keeps its default.
/// </summary>
public sealed class PortalGatewayApp : IAsyncLifetime
{
    public const int AnonymousBurst = 5;

    private WebApplication units = null!;
    private WebApplication portal = null!;
    private WebApplicationFactory<Program> factory = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        units = await StartBackendAsync("units", _ => { });
        portal = await StartBackendAsync("portal", app =>
            // A refusal in the shape of a service status: the gateway must pass the portal's answers through as they are.
            app.MapGet("/inbox/unread", () => Results.Json(new { code = 7, message = "not yours" }, statusCode: StatusCodes.Status403Forbidden)));

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Services:Units:Http", Address(units));
            b.UseSetting("Services:Portal:Http", Address(portal));
            b.UseSetting("RateLimiting:Anonymous:TokenLimit", AnonymousBurst.ToString());
            b.UseSetting("RateLimiting:Anonymous:TokensPerSecond", "1");
        });

        // As a browser would see it: no redirects followed, cookies only where a test sets them.
        Http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public string Token() => Tokens.Issue("500103", ["district-admin"], ["units.read"]);

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        await portal.DisposeAsync();
        await units.DisposeAsync();
        Tokens.Dispose();
    }

    private static async Task<WebApplication> StartBackendAsync(string name, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
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
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
