using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

/// <summary>An HTTP endpoint in the test process that records webhook calls; it fails while told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication app = null!;

    public string Url { get; private set; } = string.Empty;

    public ConcurrentQueue<(IHeaderDictionary Headers, string Body)> Calls { get; } = new();

    public int Failures;

    /// <summary>Answer 500 to this many calls from now on (then 200 again).</summary>
    public volatile int FailNext;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (FailNext > 0)
            {
                FailNext--;
                Interlocked.Increment(ref Failures);
                return Results.StatusCode(500);
            }

            Calls.Enqueue((new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            return Results.Ok();
        });
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/hook";
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
