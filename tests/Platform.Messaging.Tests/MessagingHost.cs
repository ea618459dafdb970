using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>A host with the shared messaging plumbing on a real database and broker, consuming <see cref="NoteAdded"/>.</summary>
public class MessagingHost : IAsyncLifetime
{
    private readonly InfrastructureFixture infrastructure = new();

    public IHost Host { get; private set; } = null!;

    public string ServiceName { get; } = "msgtest-" + Guid.NewGuid().ToString("N")[..8];

    public string RabbitMq => infrastructure.RabbitMq.ConnectionString;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync("messaging_test");
        DatabaseName = database.Name;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = infrastructure.RabbitMq.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryDelay"] = "00:00:30",
        });
        builder.Configuration.AddInMemoryCollection(ExtraSettings);
        builder.Services.AddTenantContext();
        builder.Services.AddTenantConnections(new TenantContextKey(database.ContextKey));
        builder.Services.AddDbContext<TestDbContext>((sp, o) => o
            .UseNpgsql(database.OwnerConnectionString)
            .AddInterceptors(sp.GetRequiredService<TenantConnectionInterceptor>()));
        builder.AddPlatformMessaging<TestDbContext>(ServiceName, x =>
        {
            x.AddConsumer<NoteAddedConsumer>();
            x.AddConsumer<TroubledNoteConsumer>();
        });
        Host = builder.Build();

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        await Host.StartAsync();
        if (BrokerReachable)
        {
            await Host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>False for a fixture whose broker address leads nowhere.</summary>
    protected virtual bool BrokerReachable => true;

    public string DatabaseName { get; private set; } = string.Empty;

    public string AdminConnectionString => infrastructure.Postgres.AdminConnectionString;

    /// <summary>Settings a derived fixture changes, e.g. a short retention.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>A scope acting for one tenant, as a request or a consumed message would.</summary>
    public AsyncServiceScope Scope(string? tenant)
    {
        var scope = Host.Services.CreateAsyncScope();
        if (tenant is null)
        {
            // The scope is the platform's for its whole life: nothing to restore.
            _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        }
        else
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(tenant);
        }

        return scope;
    }

    public async Task<int> AppliedCountAsync(Guid noteId)
    {
        await using var scope = Scope(null);
        return await scope.ServiceProvider.GetRequiredService<TestDbContext>().Applied.CountAsync(a => a.NoteId == noteId);
    }

    public async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await infrastructure.DisposeAsync();
    }
}

/// <summary>The same host with sent rows kept for one second, so clean-up can be observed.</summary>
public sealed class ShortRetentionMessagingHost : MessagingHost
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Outbox:Retention"] = "00:00:01",
        ["Outbox:CleanupInterval"] = "00:00:00.500",
    };
}

/// <summary>The same host with a broker that cannot be reached and a short publish timeout.</summary>
public sealed class NoBrokerMessagingHost : MessagingHost
{
    protected override bool BrokerReachable => false;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:RabbitMq"] = "amqp://nobody:nothing@127.0.0.1:1/",
        ["Outbox:PublishTimeout"] = "00:00:01",
        ["Outbox:RetryDelay"] = "00:00:01",
    };
}
