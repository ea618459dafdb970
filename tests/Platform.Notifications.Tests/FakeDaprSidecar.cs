using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Notifications.Tests;

/// <summary>
/// A fake Dapr sidecar: a real gRPC server (HTTP/2) answering dapr.proto.runtime.v1.Dapr/InvokeBinding, recording each
/// binding request (name, operation, metadata, data).
/// </summary>
public sealed class FakeDaprSidecar : FakeDapr.Dapr.DaprBase, IAsyncDisposable
{
    private WebApplication app = null!;

    public string Endpoint { get; private set; } = string.Empty;

    public ConcurrentQueue<FakeDapr.InvokeBindingRequest> Requests { get; } = new();

    public override Task<FakeDapr.InvokeBindingResponse> InvokeBinding(
        FakeDapr.InvokeBindingRequest request,
        global::Grpc.Core.ServerCallContext context)
    {
        Requests.Enqueue(request);
        return Task.FromResult(new FakeDapr.InvokeBindingResponse());
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(
            IPAddress.Loopback,
            0,
            o => o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        app = builder.Build();
        app.MapGrpcService<FakeDaprSidecar>();
        await app.StartAsync();
        Endpoint = app.Services
            .GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
