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
using Platform.Contracts.Reporting.V1;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Testing;

namespace Platform.Reporting.Tests;

/// <summary>
/// The reporting host at the year's end (its clock on 10 January 2024, China time), on a database of its own: the
/// shared reporting fixture's clock stays in 2023. Each test publishes a 2023 list in a district of its own.
/// </summary>
public sealed class YearEndApp : IAsyncLifetime
{
    private static int lastDistrict;
    private readonly InfrastructureFixture infrastructure = new();
    private WebApplicationFactory<ReportingDbContext> host = null!;
    private GrpcChannel channel = null!;

    public TestTokens Tokens { get; } = new();

    /// <summary>10 January 2024, 09:00 in China.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 1, 10, 1, 0, 0, TimeSpan.Zero));

    public GrpcChannel Channel => channel;

    public IServiceProvider Services => host.Services;

    public HttpClient Http { get; private set; } = null!;

    public YearEnd.YearEndClient YearEnd => new(channel);

    public Reports.ReportsClient Reports => new(channel);

    public Supervision.SupervisionClient Supervision => new(channel);

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync("reporting_yearend_test");
        host = new WebApplicationFactory<ReportingDbContext>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Messaging:EndpointPrefix", "reporting-yearend-" + Guid.NewGuid().ToString("N")[..8]);
            b.UseSetting("Reporting:GraceDays", "5");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        channel = GrpcChannel.ForAddress(
            host.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        Http = host.CreateClient();
        await host.Services
            .GetRequiredService<IBusControl>()
            .WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    /// <summary>A district code no other test of the fixture uses.</summary>
    public static string NewDistrict() => $"5004{Interlocked.Increment(ref lastDistrict):D2}";

    /// <summary>Publishes a 2023 list of the district and waits until reporting tracks its tasks.</summary>
    public async Task PublishAsync(string tenant, params PublishedTask[] tasks)
    {
        await host.Services.GetRequiredService<IBus>()
            .Publish(PublishedLists.Of(tenant, 1, new DateOnly(2023, 6, 28), tasks));
        await Eventually.TrueAsync(
            async () => (await YearEnd.ListCompletionReportsAsync(
                    new ListCompletionReportsRequest { Year = 2023 },
                    Bearer(Admin(tenant))))
                .Reports.Count >= tasks.Length,
            "the published list never reached the reporting projection");
    }

    public string Admin(string tenant) => Tokens.Issue(tenant, ["district-admin"], ["reports.read", "reports.write"]);

    public string Reporter(string tenant, Guid unit) =>
        Tokens.Issue(tenant, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString());

    public string Leader(string tenant) => Tokens.Issue(tenant, ["district-leader"], ["reports.read"]);

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    /// <summary>The event types the outbox holds for a task, oldest first, by the type each travels under.</summary>
    public async Task<List<string>> EventsOfAsync(Guid taskId, string typePrefix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test check");
        var rows = await scope.ServiceProvider.GetRequiredService<ReportingDbContext>()
            .Set<OutboxMessage>()
            .Where(m => m.MessageType.StartsWith(typePrefix))
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .Select(m => new { m.MessageType, m.Body })
            .ToListAsync();
        return rows
            .Where(m => m.Body.Contains(taskId.ToString(), StringComparison.Ordinal))
            .Select(m => m.MessageType[..m.MessageType.IndexOf(',', StringComparison.Ordinal)].Split('.')[^1])
            .ToList();
    }

    /// <summary>
    /// Closes the district's year as the assessment's close does (its own service sets these fields), so the tests
    /// see the completion reports frozen.
    /// </summary>
    public async Task CloseYearAsync(string tenant, int year)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var closing = await db.ClosingYears.SingleAsync(y => y.TenantId == tenant && y.Year == year);
        closing.ClosedAt = Clock.GetUtcNow();
        closing.ClosedBy = "区营商办";
        closing.Version++;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await host.DisposeAsync();
        await infrastructure.DisposeAsync();
        Tokens.Dispose();
    }
}
