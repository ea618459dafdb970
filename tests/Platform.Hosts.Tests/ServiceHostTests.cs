using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Platform.Testing;

namespace Platform.Hosts.Tests;

/// <summary>
/// The services without a domain yet still start on a real database and broker: migrations applied as the owner,
/// health green with both dependencies checked, and nothing answered without a token.
/// </summary>
public sealed class ServiceHostTests(InfrastructureFixture infrastructure) : IClassFixture<InfrastructureFixture>
{
    public static TheoryData<string> Hosts => new() { "tasks", "reporting", "notifications" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task HostMigratesItsOwnDatabaseAndReportsHealthy(string host)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync(host + "_host");
        var (factory, http) = Start(host, database, infrastructure.RabbitMq.ConnectionString);
        await using var _ = factory;
        using var __ = http;

        // The bus connects in the background after start; readiness turns green once it has.
        var (status, body) = await HealthAsync(http);
        for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(200);
            (status, body) = await HealthAsync(http);
        }

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(
            "Healthy", body.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
        using var alive = await http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename IN " +
            "('outbox_messages', 'inbox_messages')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var owners = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            owners[reader.GetString(0)] = reader.GetString(1);
        }

        Assert.Equal(PostgresServer.OwnerRole, owners["outbox_messages"]);
        Assert.Equal(PostgresServer.OwnerRole, owners["inbox_messages"]);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task HostIsNotReadyWhenItsBrokerIsUnreachable(string host)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync(host + "_nobroker");
        var (factory, http) = Start(host, database, "amqp://nobody:nothing@127.0.0.1:1/");
        await using var _ = factory;
        using var __ = http;
        // Given time to connect, it still must not claim readiness.
        for (var i = 0; i < 15; i++)
        {
            var (status, body) = await HealthAsync(http);
            Assert.True(status == HttpStatusCode.ServiceUnavailable, body.ToString());
            await Task.Delay(200);
        }

        using var alive = await http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>
    /// The broker goes away under a running host (a relay between them is cut): /health turns 503 while it is away and
    /// 200 once it is back, and /alive stays 200 throughout, so an orchestrator takes the host out of rotation and does
    /// not restart it.
    /// </summary>
    [Fact]
    public async Task HostIsUnreadyWhileTheBrokerIsDownAndReadyWhenItIsBack()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("notifications_brokercut");
        var broker = new UriBuilder(infrastructure.RabbitMq.ConnectionString);
        await using var proxy = new TcpProxy(broker.Host, broker.Port);
        broker.Port = proxy.Port;
        var (factory, http) = Start("notifications", database, broker.Uri.ToString());
        await using var _ = factory;
        using var __ = http;

        Assert.True(await WaitForHealthAsync(http, HttpStatusCode.OK), "never ready with its broker");
        proxy.Cut();
        Assert.True(
            await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable), "still ready with its broker gone");
        using (var alive = await http.GetAsync("/alive"))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        proxy.Start();
        Assert.True(
            await WaitForHealthAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(90)),
            "not ready again after the broker came back");
    }

    /// <summary>The same for the database: 503 while it refuses connections, 200 when it accepts them again.</summary>
    [Fact]
    public async Task HostIsUnreadyWhileTheDatabaseIsDownAndReadyWhenItIsBack()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("reporting_dbcut");
        var (factory, http) = Start("reporting", database, infrastructure.RabbitMq.ConnectionString);
        await using var _ = factory;
        using var __ = http;
        Assert.True(await WaitForHealthAsync(http, HttpStatusCode.OK), "never ready with its database");

        await using (var admin = new Npgsql.NpgsqlConnection(infrastructure.Postgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var refuse = new Npgsql.NpgsqlCommand(
                $"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM " +
                $"pg_stat_activity WHERE datname = '{database.Name}'",
                admin);
            await refuse.ExecuteNonQueryAsync();
        }

        Assert.True(
            await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable),
            "still ready with its database refusing connections");
        await using (var admin = new Npgsql.NpgsqlConnection(infrastructure.Postgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var allow = new Npgsql.NpgsqlCommand(
                $"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS true", admin);
            await allow.ExecuteNonQueryAsync();
        }

        Assert.True(await WaitForHealthAsync(http, HttpStatusCode.OK), "not ready again after the database came back");
    }

    private static async Task<bool> WaitForHealthAsync(
        HttpClient http, HttpStatusCode expected, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if ((await HealthAsync(http)).Status == expected)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task HostAnswersNothingWithoutAToken(string host)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync(host + "_anon");
        var (factory, http) = Start(host, database, infrastructure.RabbitMq.ConnectionString);
        await using var _ = factory;
        using var __ = http;
        using var response = await http.GetAsync("/api/v1/anything");
        Assert.True(
            response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound,
            response.StatusCode.ToString());

        // Nor does gRPC reflection list its methods to an anonymous caller.
        using var reflection = new HttpRequestMessage(
            HttpMethod.Post, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 2, 0x3A, 0x00]),
            Version = HttpVersion.Version20,
        };
        reflection.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var answer = await http.SendAsync(reflection);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static (
        IAsyncDisposable Factory,
        HttpClient Http) Start(string host, TestDatabase database, string rabbitMq) => host switch
    {
        "tasks" => Start(new WebApplicationFactory<Platform.Tasks.Data.TasksDbContext>(), database, rabbitMq),
        "reporting" => Start(
            new WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext>(), database, rabbitMq),
        "notifications" => Start(
            new WebApplicationFactory<Platform.Notifications.Data.NotificationsDbContext>(), database, rabbitMq),
        _ => throw new ArgumentOutOfRangeException(nameof(host)),
    };

    private static (
        IAsyncDisposable Factory,
        HttpClient Http) Start<T>(WebApplicationFactory<T> factory, TestDatabase database, string rabbitMq)
        where T : class
    {
        var configured = Configure(factory, database, rabbitMq);
        return (configured, configured.CreateClient());
    }

    private static WebApplicationFactory<T> Configure<T>(
        WebApplicationFactory<T> factory, TestDatabase database, string rabbitMq)
        where T : class =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", rabbitMq);
            b.UseSetting("Identity:Authority", "http://127.0.0.1:1");
        });
}
