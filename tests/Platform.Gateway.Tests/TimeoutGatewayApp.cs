using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Notifications.V1;
using Platform.Contracts.Units.V1;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway with second-long timeouts in front of services that hang or answer slowly: a REST backend
/// (HTTP/1), a gRPC backend (h2c) whose unary calls hang and whose WatchInbox streams for longer than any
/// timeout, and a notifications REST address where nothing listens. A gateway of its own, so the other tests'
/// timeouts stay the defaults.
/// </summary>
public sealed class TimeoutGatewayApp : GatewayHost
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the slow services take: beyond the default timeout, well within the long one.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(3);

    /// <summary>
    /// WatchInbox's messages, spaced so that the stream outlives the default timeout several times over.
    /// </summary>
    public const int StreamedMessages = 4;

    public static readonly TimeSpan StreamSpacing = TimeSpan.FromMilliseconds(900);

    private WebApplication rest = null!;
    private WebApplication grpc = null!;

    protected override async Task<Dictionary<string, string>> StartBackendsAsync()
    {
        rest = await StartRestAsync();
        grpc = await StartGrpcAsync();
        return new Dictionary<string, string>
        {
            ["Services:Units:Http"] = TestHosts.Address(rest),
            ["Services:Units:Grpc"] = TestHosts.Address(grpc),
            ["Services:Tasks:Http"] = TestHosts.Address(rest),
            ["Services:Reporting:Http"] = TestHosts.Address(rest),
            ["Services:Notifications:Grpc"] = TestHosts.Address(grpc),
            // Nothing listens on port 1.
            ["Services:Notifications:Http"] = "http://127.0.0.1:1",
            ["Gateway:Timeouts:Default"] = DefaultTimeout.ToString(),
            ["Gateway:Timeouts:Token"] = DefaultTimeout.ToString(),
            ["Gateway:Timeouts:Long"] = LongTimeout.ToString(),
        };
    }

    public string Token() => Tokens.Issue("500103", ["district-admin"], ["units.read", "tasks.write", "reports.read"]);

    protected override async Task StopBackendsAsync()
    {
        await grpc.DisposeAsync();
        await rest.DisposeAsync();
    }

    private static Task<WebApplication> StartRestAsync() => TestHosts.StartBackendAsync(app =>
    {
        app.MapGet("/api/v1/units/hang", Hang);
        app.MapPost("/connect/token", Hang);
        app.MapGet("/api/v1/tasks/slow", SlowAsync);
        app.MapPost("/api/v1/task-lists:import", SlowAsync);
        app.MapGet("/api/v1/exports/ledger", SlowAsync);
    });

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

    /// <summary>
    /// A service that took the call and never answers (a stopped process looks the same from outside).
    /// </summary>
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
        public override async Task WatchInbox(
            WatchInboxRequest request,
            IServerStreamWriter<Notification> responseStream,
            ServerCallContext context)
        {
            for (var id = 1; id <= StreamedMessages; id++)
            {
                await Task.Delay(StreamSpacing, context.CancellationToken);
                await responseStream.WriteAsync(
                    new Notification { Id = id, Title = "交办" },
                    context.CancellationToken);
            }
        }
    }
}
