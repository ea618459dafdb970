using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using Platform.Testing;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Tasks.Tests;

[CollectionDefinition(Name)]
public sealed class TasksCollection : ICollectionFixture<TasksApp>
{
    public const string Name = "tasks";
}

/// <summary>
/// The tasks host and the units host it calls, each on its own database of the real PostgreSQL server and on the real
/// broker, tokens from the units host's own token endpoint. 渝中 has three units; 江北 exists to attack with.
/// </summary>
public sealed class TasksApp : IAsyncLifetime
{
    public const string Password = "test-pass";

    private readonly InfrastructureFixture infrastructure = new();
    private readonly TestTokens keys = new();
    private WebApplicationFactory<Platform.Units.Data.UnitsDbContext> unitsHost = null!;
    private WebApplicationFactory<Platform.Tasks.Data.TasksDbContext> tasksHost = null!;
    private GrpcChannel unitsChannel = null!;
    private GrpcChannel tasksChannel = null!;
    private HttpClient unitsHttp = null!;

    public TestDatabase TasksDatabase { get; private set; } = null!;

    public string ScjUnitId { get; private set; } = string.Empty;

    public TaskLists.TaskListsClient Tasks => new(tasksChannel);

    public UnitsV1.UnitDirectory.UnitDirectoryClient Units => new(unitsChannel);

    public IServiceProvider TasksServices => tasksHost.Services;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var unitsDb = await infrastructure.Postgres.CreateDatabaseAsync("units_for_tasks");
        TasksDatabase = await infrastructure.Postgres.CreateDatabaseAsync("tasks_test");

        unitsHost = new WebApplicationFactory<Platform.Units.Data.UnitsDbContext>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Database", unitsDb.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", unitsDb.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, unitsDb.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:BootstrapAdminPassword", "bootstrap-pass");
            b.UseSetting("Identity:SigningKeyFile", keys.KeyFile);
            // Every test signs in from the test server's one (empty) address.
            b.UseSetting("Identity:TokenRateLimit:PermitLimit", "100000");
            b.UseSetting("Outbox:PollInterval", "00:00:00.200");
        });
        unitsHttp = unitsHost.CreateClient();
        unitsChannel = GrpcChannel.ForAddress(
            unitsHost.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = unitsHost.Server.CreateHandler() });

        tasksHost = new WebApplicationFactory<Platform.Tasks.Data.TasksDbContext>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", TasksDatabase.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", TasksDatabase.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, TasksDatabase.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:SigningKeyFile", keys.KeyFile);
            b.UseSetting("Services:Units:Grpc", unitsHost.Server.BaseAddress.ToString());
            b.UseSetting("Outbox:PollInterval", "00:00:00.200");
            b.UseSetting("Messaging:EndpointPrefix", "tasks-test-" + Guid.NewGuid().ToString("N")[..8]);
            b.ConfigureTestServices(services => services
                .AddGrpcClient<UnitsV1.UnitDirectory.UnitDirectoryClient>(o => o.Address = unitsHost.Server.BaseAddress)
                .ConfigurePrimaryHttpMessageHandler(() => unitsHost.Server.CreateHandler()));
        });
        tasksChannel = GrpcChannel.ForAddress(
            tasksHost.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = tasksHost.Server.CreateHandler() });

        var admin = await TokenAsync("platform.admin", "bootstrap-pass");
        var tenants = new UnitsV1.TenantDirectory.TenantDirectoryClient(unitsChannel);
        await tenants.CreateTenantAsync(new UnitsV1.CreateTenantRequest { Id = "500000", Name = "重庆市" }, Bearer(admin));
        await tenants.CreateTenantAsync(
            new UnitsV1.CreateTenantRequest { Id = "500103", Name = "渝中区", ParentId = "500000" },
            Bearer(admin));
        await tenants.CreateTenantAsync(
            new UnitsV1.CreateTenantRequest { Id = "500105", Name = "江北区", ParentId = "500000" },
            Bearer(admin));
        var access = new UnitsV1.AccessDirectory.AccessDirectoryClient(unitsChannel);
        await Account(access, admin, "yz.admin", "500103", "district-admin");
        await Account(access, admin, "yz.leader", "500103", "district-leader");
        await Account(access, admin, "jb.admin", "500105", "district-admin");

        var yz = await TokenAsync("yz.admin");
        var scj = await Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = "区市场监管局" }, Bearer(yz));
        await Units.CreateUnitAsync(
            new UnitsV1.CreateUnitRequest { Name = "区经济信息委", Aliases = { "区经信委" } },
            Bearer(yz));
        await Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = "区财政局" }, Bearer(yz));
        ScjUnitId = scj.Id;
        await Account(access, admin, "yz.scj", "500103", "unit-reporter", scj.Id);
    }

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public async Task<string> TokenAsync(string username, string password = Password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
        });
        using var response = await unitsHttp.PostAsync("/connect/token", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>One value read from the tasks database as its owner, past the tenant policies.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(TasksDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>The body of the outbox's TaskListPublished event of the list, or null when there is none.</summary>
    public async Task<string?> PublishedEventAsync(string listId) =>
        (string?)await ScalarAsync(
            """
            SELECT "Body"::text FROM outbox_messages
            WHERE "MessageType" LIKE 'Platform.Contracts.Events.TaskListPublished,%' AND "Body"->>'taskListId' = @id
            """,
            ("id", listId));

    public async Task DisposeAsync()
    {
        tasksChannel.Dispose();
        unitsChannel.Dispose();
        await tasksHost.DisposeAsync();
        await unitsHost.DisposeAsync();
        await infrastructure.DisposeAsync();
        keys.Dispose();
    }

    private static async Task Account(
        UnitsV1.AccessDirectory.AccessDirectoryClient access,
        string admin,
        string username,
        string tenant,
        string role,
        string? unit = null) =>
        await access.CreateAccountAsync(
            new UnitsV1.CreateAccountRequest
            {
                Username = username,
                DisplayName = username,
                TenantId = tenant,
                Roles = { role },
                Password = Password,
                UnitId = unit ?? string.Empty,
            },
            Bearer(admin));
}
