using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Platform.Portal.Tests.PortalForms;

namespace Platform.Portal.Tests;

/// <summary>
/// The sign-in against a stand-in gateway (no stack needed): the portal names the browser in X-Forwarded-For when it
/// asks for tokens, so that the gateway limits each browser on its own; it shows the platform's wrong-password count
/// after signing in, and one refusal for a wrong password and a locked username alike.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Browser = "203.0.113.77";

    private readonly List<IHeaderDictionary> tokenRequests = [];
    private WebApplication gateway = null!;
    private WebApplicationFactory<Program> portal = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        gateway = builder.Build();
        gateway.MapPost("/connect/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (tokenRequests)
            {
                tokenRequests.Add(new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            }

            if (form["password"] != "right")
            {
                return Results.Json(
                    new { error = "invalid_grant", error_description = "The username or password is incorrect." },
                    statusCode: 400);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Jwt(new
                {
                    sub = Guid.NewGuid().ToString(), name = "zhang.san", tenant = "500103", role = "district-leader",
                }),
                ["token_type"] = "Bearer",
                ["expires_in"] = 1800,
                ["refresh_token"] = "refresh",
                ["scope"] = "tasks.read",
                ["failed_attempts_since_last_sign_in"] = 3,
            });
        });
        await gateway.StartAsync();
        var address = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();

        portal = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:Http", address);
            b.UseSetting("Gateway:Grpc", address);
            // Every request arrives as the gateway on this machine sends it: from loopback, naming the browser.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromGateway()));
        });
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await gateway.DisposeAsync();
    }

    private HttpClient Client() => portal.CreateClient(PortalForms.NoRedirects);

    [Fact]
    public async Task TheTokenRequestNamesTheBrowserAndTheWrongPasswordsSinceTheLastSignInAreShown()
    {
        var client = Client();
        var signedIn = await SignInAsync(client, "zhang.san", "right");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Browser, Assert.Single(tokenRequests)["X-Forwarded-For"].ToString());

        // The next page says it (any page with the layout; this one calls no API).
        var page = await (await client.GetAsync("/error?code=404")).Content.ReadAsStringAsync();
        Assert.Contains("有 3 次密码错误的登录尝试", page, StringComparison.Ordinal);
        // Once only: the page after no longer says it.
        var next = await (await client.GetAsync("/error?code=404")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("次密码错误的登录尝试", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSignInMentionsTheTemporaryLockWhateverTheReason()
    {
        var client = Client();
        var refused = await SignInAsync(client, "zhang.san", "wrong");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确", page, StringComparison.Ordinal);
        Assert.Contains("暂时无法登录", page, StringComparison.Ordinal);
    }

    /// <summary>A token the portal reads the person from; it never checks the signature (the API does).</summary>
    private static string Jwt(object payload)
    {
        static string Encode(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Encode("{\"alg\":\"none\"}"u8.ToArray());
        var body = Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
        return $"{header}.{body}.{Encode([1])}";
    }

    private sealed class FromGateway : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                context.Request.Headers["X-Forwarded-For"] = Browser;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
