using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Notifications.V1;
using Platform.Contracts.Units.V1;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway with second-long timeouts in front of services that hang or answer slowly: a REST backend (HTTP/1), a gRPC
/// backend (h2c) whose unary calls hang and whose WatchInbox streams for longer than any timeout, and a notifications
/// REST address where nothing listens. A gateway of its own, so the other tests' timeouts stay the defaults.
/// </summary>
public sealed class TimeoutGatewayApp : IAsyncLifetime
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the slow services take: beyond the default timeout, well within the long one.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(3);

    /// <summary>WatchInbox's messages, spaced so that the stream outlives the default timeout several times over.</summary>
    public const int StreamedMessages = 4;

    public static readonly TimeSpan StreamSpacing = TimeSpan.FromMilliseconds(900);

    private WebApplication rest = null!;
    private WebApplication grpc = null!;
    private WebApplicationFactory<Program> factory = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public HttpMessageHandler Handler { get; private set; } = null!;

    public Uri BaseAddress => factory.Server.BaseAddress;

    public async Task InitializeAsync()
    {
        rest = await StartRestAsync();
        grpc = await StartGrpcAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Services:Units:Http", Address(rest));
            b.UseSetting("Services:Units:Grpc", Address(grpc));
            b.UseSetting("Services:Tasks:Http", Address(rest));
            b.UseSetting("Services:Reporting:Http", Address(rest));
            b.UseSetting("Services:Notifications:Grpc", Address(grpc));
            // Nothing listens on port 1.
            b.UseSetting("Services:Notifications:Http", "http://127.0.0.1:1");
            b.UseSetting("Gateway:Timeouts:Default", DefaultTimeout.ToString());
            b.UseSetting("Gateway:Timeouts:Token", DefaultTimeout.ToString());
            b.UseSetting("Gateway:Timeouts:Long", LongTimeout.ToString());
        });
        Http = factory.CreateClient();
        Handler = factory.Server.CreateHandler();
    }

    public string Token() => Tokens.Issue("500103", ["district-admin"], ["units.read", "tasks.write", "reports.read"]);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        await grpc.DisposeAsync();
        await rest.DisposeAsync();
        Tokens.Dispose();
    }

    private static async Task<WebApplication> StartRestAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/api/v1/units/hang", Hang);
        app.MapPost("/connect/token", Hang);
        app.MapGet("/api/v1/tasks/slow", SlowAsync);
        app.MapPost("/api/v1/task-lists:import", SlowAsync);
        app.MapGet("/api/v1/exports/ledger", SlowAsync);
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartGrpcAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<HangingUnitDirectory>();
        app.MapGrpcService<SlowInbox>();
        await app.StartAsync();
        return app;
    }

    /// <summary>A service that took the call and never answers (a stopped process looks the same from outside).</summary>
    private static async Task<IResult> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> SlowAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(SlowAnswer, cancellationToken);
        return Results.Json(new { answered = true });
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private sealed class HangingUnitDirectory : UnitDirectory.UnitDirectoryBase
    {
        public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return new ListUnitsResponse();
        }
    }

    private sealed class SlowInbox : Inbox.InboxBase
    {
        public override async Task WatchInbox(WatchInboxRequest request, IServerStreamWriter<Notification> responseStream, ServerCallContext context)
        {
            for (var id = 1; id <= StreamedMessages; id++)
            {
                await Task.Delay(StreamSpacing, context.CancellationToken);
                await responseStream.WriteAsync(new Notification { Id = id, Title = "交办" }, context.CancellationToken);
            }
        }
    }
}
