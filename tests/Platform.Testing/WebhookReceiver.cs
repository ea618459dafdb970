using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

/// <summary>
/// An HTTP endpoint in the test process that records webhook calls; it fails, redirects or stalls while told to.
/// The notifications service sends webhooks only to public https addresses and to the exact host:port targets of
/// Notifications:Webhooks:AllowedTargets, so a receiver listens on a port the service was told about
/// (<see cref="StartAsync(int)"/>); port 0 picks any free one, which only an allow-list written afterwards can name.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>What a failing receiver says: a delivery log must never repeat it.</summary>
    public const string FailureText = "receiver-internal-detail: db=10.0.0.5 user=admin";

    private WebApplication app = null!;

    public string Url { get; private set; } = string.Empty;

    public int Port { get; private set; }

    /// <summary>Accepted calls (any other answer is not recorded here).</summary>
    public ConcurrentQueue<(IHeaderDictionary Headers, string Body)> Calls { get; } = new();

    public int Failures;

    /// <summary>Every request that reached the receiver, on any path and with any method, whatever it was answered.</summary>
    public int Hits;

    /// <summary>Answer 500 (with <see cref="FailureText"/> as reason phrase and body) to this many calls from now on (then 200 again).</summary>
    public volatile int FailNext;

    /// <summary>When set, every call is answered 302 with this Location.</summary>
    public string? RedirectTo { get; set; }

    /// <summary>When set, the receiver waits this long before it answers.</summary>
    public TimeSpan? Stall { get; set; }

    public async Task StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref Hits);
            return next(context);
        });
        app.Map("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Stall is { } stall)
            {
                await Task.Delay(stall, context.RequestAborted);
            }

            if (RedirectTo is { } location)
            {
                return Results.Redirect(location);
            }

            if (FailNext > 0)
            {
                FailNext--;
                Interlocked.Increment(ref Failures);
                context.Response.StatusCode = 500;
                context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = FailureText;
                await context.Response.WriteAsync(FailureText);
                return Results.Empty;
            }

            Calls.Enqueue((new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Port = address.Port;
        Url = $"http://127.0.0.1:{Port}/hook";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
