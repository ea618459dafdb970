using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.Testing;

namespace Platform.Reporting.Tests;

/// <summary>
/// The reporting host on a database of its own with two real districts, 渝中 (500103) and 江北 (500105), each with a
/// published list: the public pages' tests publish, tick and read them without disturbing the other tests' districts.
/// </summary>
public sealed class PublicPageApp : IAsyncLifetime
{
    public const string Yuzhong = "500103";
    public const string Jiangbei = "500105";
    public const string YuzhongSecret = "渝中区内部任务甲：推进市场准入便利化";
    public const string JiangbeiSecret = "江北区内部任务乙：优化不动产登记流程";

    public static readonly Guid ScjUnit = Guid.NewGuid();
    public static readonly Guid JbUnit = Guid.NewGuid();

    private readonly InfrastructureFixture infrastructure = new();
    private WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext> host = null!;
    private GrpcChannel channel = null!;

    public TestTokens Tokens { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 7, 20, 1, 0, 0, TimeSpan.Zero));

    public Guid YuzhongTask { get; } = Guid.NewGuid();

    public Guid JiangbeiTask { get; } = Guid.NewGuid();

    public PublicPages.PublicPagesClient Pages => new(channel);

    public Reports.ReportsClient Reports => new(channel);

    public IServiceProvider Services => host.Services;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync("reporting_public_test");
        host = new WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Messaging:EndpointPrefix", "reporting-public-" + Guid.NewGuid().ToString("N")[..8]);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        channel = GrpcChannel.ForAddress(
            host.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        Http = host.CreateClient();
        await host.Services
            .GetRequiredService<IBusControl>()
            .WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(new TenantProvisioned { TenantId = Yuzhong, Name = "渝中区", ParentId = "500000" });
        await bus.Publish(new TenantProvisioned { TenantId = Jiangbei, Name = "江北区", ParentId = "500000" });
        await bus.Publish(PublishedLists.Of(
            Yuzhong,
            1,
            new DateOnly(2023, 6, 28),
            new PublishedTask
            {
                TaskId = YuzhongTask, Number = "1", Category = "市场准入", Text = YuzhongSecret,
                LeadUnits = [new AssignedUnit(ScjUnit, "区市场监管局")], Deadline = new DateOnly(2023, 12, 31),
            }));
        await bus.Publish(PublishedLists.Of(
            Jiangbei,
            1,
            new DateOnly(2023, 6, 28),
            new PublishedTask
            {
                TaskId = JiangbeiTask, Number = "1", Category = "不动产登记", Text = JiangbeiSecret,
                LeadUnits = [new AssignedUnit(JbUnit, "区规划自然资源局")],
            }));

        foreach (var tenant in new[] { Yuzhong, Jiangbei })
        {
            await Eventually.TrueAsync(
                async () => (await Pages.GetPublicPageAsync(new GetPublicPageRequest(), Bearer(Admin(tenant))))
                    .Preview.TaskCount > 0,
                $"{tenant}'s list never reached the reporting projection");
        }
    }

    public string Admin(string tenant) =>
        Tokens.Issue(tenant, ["district-admin"], ["reports.read", "reports.write"]);

    public string Reporter(string tenant, Guid unit) =>
        Tokens.Issue(tenant, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString());

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await host.DisposeAsync();
        await infrastructure.DisposeAsync();
        Tokens.Dispose();
    }
}
