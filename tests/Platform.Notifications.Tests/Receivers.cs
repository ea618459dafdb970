using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.Notifications.Channels;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Platform.Notifications.Tests;

/// <summary>A real SMTP server in the test process (the SmtpServer package speaks the protocol); it keeps what it receives.</summary>
public sealed class SmtpSink : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    public int Port { get; private set; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public void Start()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The notification service's resolver in the tests: a name a test has answered resolves to that answer (which the test
/// may change, as a rebinding DNS server would), any other name through the system's DNS. It counts the questions.
/// </summary>
public sealed class FakeHostResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Asked { get; } = new();

    public void Answer(string host, params IPAddress[] addresses) => answers[host] = addresses;

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return answers.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}

/// <summary>
/// A fake Dapr sidecar: a real gRPC server (HTTP/2) answering dapr.proto.runtime.v1.Dapr/InvokeBinding, recording each
/// binding request (name, operation, metadata, data).
/// </summary>
public sealed class FakeDaprSidecar : FakeDapr.Dapr.DaprBase, IAsyncDisposable
{
    private WebApplication app = null!;

    public string Endpoint { get; private set; } = string.Empty;

    public ConcurrentQueue<FakeDapr.InvokeBindingRequest> Requests { get; } = new();

    public override Task<FakeDapr.InvokeBindingResponse> InvokeBinding(FakeDapr.InvokeBindingRequest request, global::Grpc.Core.ServerCallContext context)
    {
        Requests.Enqueue(request);
        return Task.FromResult(new FakeDapr.InvokeBindingResponse());
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        app = builder.Build();
        app.MapGrpcService<FakeDaprSidecar>();
        await app.StartAsync();
        Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
