using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Contracts.Units.V1;
using Platform.Testing;

namespace Platform.Units.Tests;

/// <summary>
/// The units host on a fresh database of the real PostgreSQL server and on the real broker, with 重庆市, 渝中区
/// and 江北区 provisioned through its own API and an account per role.
/// </summary>
public sealed class UnitsApp : IAsyncLifetime
{
    public const string AdminPassword = "bootstrap-pass";
    public const string Password = "test-pass";

    /// <summary>Where the platform's hosts would reach the identity service: the discovery document names it.</summary>
    public const string Authority = "http://units.internal:8080";

    private readonly InfrastructureFixture infrastructure = new();
    private WebApplicationFactory<Program> factory = null!;
    private GrpcChannel channel = null!;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The key the host signs with, so tests can mint tokens it accepts (expired ones included).</summary>
    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public string? ScjUnitId { get; private set; }

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Database = await infrastructure.Postgres.CreateDatabaseAsync("units_test");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Database", Database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", Database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, Database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:BootstrapAdminPassword", AdminPassword);
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Outbox:PollInterval", "00:00:00.200");
            b.UseSetting("Identity:Authority", Authority);
            b.UseSetting("Identity:RevocationPollInterval", "00:00:00.200");
            // A lock short enough to wait out, refusals that wait only a little; the tests all sign in from the test
            // server's one (empty) address, so its token limit is out of reach (its own test uses a host of its own).
            b.UseSetting("Identity:SignIn:LockoutDuration", "00:00:02");
            b.UseSetting("Identity:SignIn:DelayStep", "00:00:00.020");
            b.UseSetting("Identity:SignIn:MaxDelay", "00:00:00.100");
            b.UseSetting("Identity:TokenRateLimit:PermitLimit", "100000");
        });
        Http = factory.CreateClient();
        channel = GrpcChannel.ForAddress(
            factory.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

        var admin = await TokenAsync("platform.admin", AdminPassword);
        var tenants = Tenants(admin);
        await tenants.CreateTenantAsync(new CreateTenantRequest { Id = "500000", Name = "重庆市" }, Bearer(admin));
        await tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500103", Name = "渝中区", ParentId = "500000" },
            Bearer(admin));
        await tenants.CreateTenantAsync(
            new CreateTenantRequest { Id = "500105", Name = "江北区", ParentId = "500000" },
            Bearer(admin));

        var access = new AccessDirectory.AccessDirectoryClient(channel);
        await CreateAccountAsync(access, admin, "yz.admin", "500103", "district-admin");
        await CreateAccountAsync(access, admin, "jb.admin", "500105", "district-admin");
        await CreateAccountAsync(access, admin, "cq.viewer", "500000", "municipal-viewer");

        var yz = await TokenAsync("yz.admin");
        var units = Units();
        var scj = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区市场监管局" }, Bearer(yz));
        await units.CreateUnitAsync(
            new CreateUnitRequest { Name = "区经济信息委", Aliases = { "区经信委" } },
            Bearer(yz));
        await units.CreateUnitAsync(
            new CreateUnitRequest { Name = "各街道办事处", Kind = UnitKind.Group },
            Bearer(yz));
        ScjUnitId = scj.Id;
        await CreateAccountAsync(access, admin, "yz.scj", "500103", "unit-reporter", scj.Id);
        await access.CreateClientAsync(
            new CreateClientRequest
            {
                ClientId = "yz.integration",
                TenantId = "500103",
                Scopes = { "units.read" },
                Secret = "integration-secret",
            },
            Bearer(admin));
    }

    /// <summary>
    /// Another host of the units service on the same database, with <paramref name="settings"/> on top of the
    /// fixture's: for a limit that the shared host must not have.
    /// </summary>
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    /// <summary>The host's services: its bus, to publish what another service would.</summary>
    public IServiceProvider Services => factory.Services;

    public UnitDirectory.UnitDirectoryClient Units() => new(channel);

    public TenantDirectory.TenantDirectoryClient Tenants(string token) => new(channel);

    public AccessDirectory.AccessDirectoryClient Access() => new(channel);

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    /// <summary>The 渝中 district office's call credentials (its administrator signed in).</summary>
    public async Task<Metadata> OfficeAsync() => Bearer(await TokenAsync("yz.admin"));

    /// <summary>A unit of 渝中's directory, created by its office, with its aliases.</summary>
    public async Task<Unit> CreateUnitAsync(Metadata office, string name, params string[] aliases) =>
        await Units().CreateUnitAsync(new CreateUnitRequest { Name = name, Aliases = { aliases } }, office);

    /// <summary>Six characters that keep a test's names apart from every other test's on the shared database.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..6];

    public async Task<string> TokenAsync(string username, string password = Password) =>
        (await TokenResponseAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
        }))
        .GetProperty("access_token").GetString()!;

    public async Task<JsonElement> TokenResponseAsync(Dictionary<string, string> form)
    {
        using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token request failed: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>
    /// A new 渝中 district-leader with <see cref="Password"/>, named <paramref name="prefix"/> and a random suffix.
    /// </summary>
    public async Task<string> NewLeaderAsync(string prefix)
    {
        var username = prefix + Guid.NewGuid().ToString("N")[..8];
        var admin = await TokenAsync("platform.admin", AdminPassword);
        await Access().CreateAccountAsync(
            new CreateAccountRequest
            {
                Username = username,
                DisplayName = username,
                TenantId = "500103",
                Roles = { "district-leader" },
                Password = Password,
            },
            Bearer(admin));
        return username;
    }

    /// <summary>
    /// A password grant as it answers, refusals included; <paramref name="newPassword"/> replaces
    /// an office-given password.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SignInAsync(
        string username,
        string password,
        string? newPassword = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
        };
        if (newPassword is not null)
        {
            form["new_password"] = newPassword;
        }

        using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>A refresh-token grant as it answers.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken)
    {
        using var response =
            await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = "platform-cli",
        }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>What an API call with the token answers: 401 once the host has the token's revocation.</summary>
    public async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, "/api/v1/units", token));
        return response.StatusCode;
    }

    /// <summary>
    /// Waits (up to 10 s) for what a background part of the host (the revocation poller, a consumer) makes true.
    /// </summary>
    public static async Task EventuallyAsync(
        Func<Task<bool>> condition,
        string never = "the revocation list never reached the host")
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, never);
            await Task.Delay(100);
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await factory.DisposeAsync();
        await infrastructure.DisposeAsync();
        Tokens.Dispose();
    }

    private static async Task CreateAccountAsync(
        AccessDirectory.AccessDirectoryClient access,
        string admin,
        string username,
        string tenant,
        string role,
        string? unit = null) =>
        await access.CreateAccountAsync(
            new CreateAccountRequest
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
