using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.Notifications.Channels;
using Platform.Notifications.Data;
using Platform.Notifications.Rules;
using Platform.Testing;

namespace Platform.Notifications.Tests;

/// <summary>
/// The notifications host on a real database and broker, with an injected clock and resolver. Webhook receivers run
/// on ports reserved up front and allow-listed (Notifications:Webhooks:AllowedTargets), as the service reaches no
/// other private address.
/// </summary>
public sealed class NotificationsApp : IAsyncLifetime
{
    private const int ReceiverPortCount = 12;

    private readonly InfrastructureFixture infrastructure = new();
    private readonly List<int> receiverPorts = [];
    private int nextReceiverPort = -1;
    private WebApplicationFactory<NotificationsDbContext> host = null!;

    public TestTokens Tokens { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 7, 20, 1, 0, 0, TimeSpan.Zero));

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The REST side (gRPC JSON transcoding), as the gateway forwards it.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The service's DNS: real, except for the names a test answers itself.</summary>
    public FakeHostResolver Resolver { get; } = new();

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public IServiceProvider Services => host.Services;

    public SmtpSink Smtp { get; } = new();

    public FakeDaprSidecar Dapr { get; } = new();

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Smtp.Start();
        await Dapr.StartAsync();
        for (var i = 0; i < ReceiverPortCount; i++)
        {
            receiverPorts.Add(SmtpSink.FreePort());
        }

        var database = await infrastructure.Postgres.CreateDatabaseAsync("notifications_test");
        host = new WebApplicationFactory<NotificationsDbContext>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Messaging:EndpointPrefix", "notifications-test-" + Guid.NewGuid().ToString("N")[..8]);
            b.UseSetting("Notifications:LadderInterval", "01:00:00");
            b.UseSetting("Notifications:WatchPollInterval", "00:00:01");
            b.UseSetting("Notifications:DeliveryInterval", "01:00:00");
            b.UseSetting("Notifications:MaxAttempts", "3");
            b.UseSetting("Notifications:RetryBase", "00:00:10");
            b.UseSetting("Notifications:Webhooks:Timeout", "00:00:02");
            for (var i = 0; i < receiverPorts.Count; i++)
            {
                b.UseSetting($"Notifications:Webhooks:AllowedTargets:{i}", $"127.0.0.1:{receiverPorts[i]}");
            }

            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:Security", "None");
            b.UseSetting("Smtp:From", "duban@example.test");
            b.UseSetting("Notifications:Dapr:GrpcEndpoint", Dapr.Endpoint);
            b.UseSetting("Notifications:Dapr:Bindings:0", "dingtalk");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.AddSingleton<IHostResolver>(Resolver);
            });
        });
        Channel = GrpcChannel.ForAddress(
            host.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        Http = host.CreateClient();
        await host.Services
            .GetRequiredService<IBusControl>()
            .WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    /// <summary>A webhook receiver on the next allow-listed port (each port is used once).</summary>
    public async Task<WebhookReceiver> ReceiverAsync()
    {
        var index = Interlocked.Increment(ref nextReceiverPort);
        Assert.True(
            index < receiverPorts.Count,
            $"NotificationsApp reserves {ReceiverPortCount} receiver ports; a test needs more.");
        var receiver = new WebhookReceiver();
        await receiver.StartAsync(receiverPorts[index]);
        return receiver;
    }

    /// <summary>
    /// A free port on 127.0.0.1 that is not allow-listed: nothing may be sent there. A receiver port not started yet is
    /// free too, so those are skipped (drawing one of them made the refusal test accept its "unlisted" target).
    /// </summary>
    public int UnlistedPort()
    {
        int port;
        do
        {
            port = SmtpSink.FreePort();
        }
        while (receiverPorts.Contains(port));

        return port;
    }

    /// <summary>
    /// A person of a district: the account is announced as the units service would, and a token for it.
    /// </summary>
    public async Task<Person> PersonAsync(string tenant, string role, Guid? unit = null)
    {
        var id = Guid.NewGuid();
        await Bus.Publish(new AccountChanged
        {
            TenantId = tenant,
            AccountId = id,
            Username = $"u{id:N}"[..12],
            DisplayName = role,
            UnitId = unit,
            Roles = [role],
        });
        await EventuallyAsync(async db => await db.Recipients.AnyAsync(r => r.Id == id));
        var token =
            Tokens.Issue(tenant, [role], ["reports.read", "reports.write"], unit: unit?.ToString(), subject: id);
        return new Person(id, new Metadata { { "Authorization", "Bearer " + token } });
    }

    /// <summary>One pass of the supervision ladder at the fake clock's time, as its timer would run it.</summary>
    public async Task<int> RunLadderAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        return await scope.ServiceProvider.GetRequiredService<SupervisionLadder>().RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// One pass of the delivery loop at the fake clock's time, in its own transaction as the loop runs it.
    /// </summary>
    public async Task<int> DispatchAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sent = await scope.ServiceProvider
            .GetRequiredService<Platform.Notifications.Channels.DeliveryDispatcher>()
            .RunOnceAsync(CancellationToken.None);
        await transaction.CommitAsync();
        return sent;
    }

    /// <summary>Waits (up to 30 s) until the database, read as the platform, shows what the test expects.</summary>
    public async Task EventuallyAsync(Func<NotificationsDbContext, Task<bool>> condition)
    {
        // Generous: the whole suite runs beside other test projects on two cores, and consumers start slowly there.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
                if (await condition(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>()))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "the expected state never arrived");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await host.DisposeAsync();
        await infrastructure.DisposeAsync();
        await Smtp.DisposeAsync();
        await Dapr.DisposeAsync();
        Tokens.Dispose();
    }
}
