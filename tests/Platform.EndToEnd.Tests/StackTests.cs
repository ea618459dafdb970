using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Units.V1;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The acceptance path of the foundation, through the gateway of the running stack.</summary>
public sealed class StackTests(Stack stack) : IClassFixture<Stack>
{
    [Fact]
    public async Task EveryHostAndTheGatewayReportHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (name, address) in StackEndpoints.Hosts)
        {
            using var response = await http.GetAsync(new Uri(address, "/health"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {body}");
            using var alive = await http.GetAsync(new Uri(address, "/alive"));
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
    }

    [Fact]
    public async Task YuzhongAdminListsItsUnitsOverRestAndGrpc()
    {
        var token = await stack.TokenAsync("yz.admin");
        var (status, body, _) = await stack.GetAsync("/api/v1/units?pageSize=500", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var names = body.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
        Assert.Contains("区市场监管局", names);
        Assert.Contains("区经济信息委", names);
        Assert.All(body.GetProperty("units").EnumerateArray(), u => Assert.Equal("500103", u.GetProperty("tenantId").GetString()));

        var grpc = await new UnitDirectory.UnitDirectoryClient(stack.Channel).ListUnitsAsync(new ListUnitsRequest { PageSize = 500 }, Stack.Bearer(token));
        Assert.Equal(names.Order(), grpc.Units.Select(u => u.Name).Order());
    }

    [Fact]
    public async Task JiangbeiSeesNoneOfYuzhongsUnitsAndGets404ForThem()
    {
        var yz = await stack.TokenAsync("yz.admin");
        var jb = await stack.TokenAsync("jb.admin");
        var (_, yzBody, _) = await stack.GetAsync("/api/v1/units?pageSize=500", yz);
        var scj = yzBody.GetProperty("units").EnumerateArray().First(u => u.GetProperty("name").GetString() == "区市场监管局").GetProperty("id").GetString()!;

        var (status, body, _) = await stack.GetAsync("/api/v1/units?pageSize=500", jb);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(body.GetProperty("units").EnumerateArray(), u => u.GetProperty("tenantId").GetString() == "500103");
        Assert.DoesNotContain(body.GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetString() == scj);

        var (notFound, problem, response) = await stack.GetAsync($"/api/v1/units/{scj}", jb);
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NOT_FOUND", problem.GetProperty("grpcStatus").GetString());

        var units = new UnitDirectory.UnitDirectoryClient(stack.Channel);
        var grpcList = await units.ListUnitsAsync(new ListUnitsRequest { PageSize = 500 }, Stack.Bearer(jb));
        Assert.DoesNotContain(grpcList.Units, u => u.TenantId == "500103");
        var error = await Assert.ThrowsAsync<RpcException>(() => units.GetUnitAsync(new GetUnitRequest { Id = scj }, Stack.Bearer(jb)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var rename = await Assert.ThrowsAsync<RpcException>(() => units.RenameUnitAsync(new RenameUnitRequest { Id = scj, Name = "被改名" }, Stack.Bearer(jb)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, rename.StatusCode);

        // Claiming 渝中 in a header changes nothing: the gateway strips it and the service reads only the token.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units?pageSize=500");
        request.Headers.Authorization = new("Bearer", jb);
        request.Headers.Add("X-Tenant-Id", "500103");
        using var spoofed = await stack.Http.SendAsync(request);
        Assert.DoesNotContain("500103", await spoofed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResolvingAPrintedAliasFindsTheUnitOverRestAndGrpc()
    {
        var token = await stack.TokenAsync("yz.admin");
        var (status, body, _) = await stack.PostJsonAsync("/api/v1/units:resolve", token, new { names = new[] { "区经信委" } });
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.GetProperty("results")[0];
        Assert.True(result.GetProperty("resolved").GetBoolean());
        Assert.Equal("区经济信息委", result.GetProperty("unit").GetProperty("name").GetString());

        var grpc = await new UnitDirectory.UnitDirectoryClient(stack.Channel).ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "区经信委", "各街道办事处", "区级相关部门" } }, Stack.Bearer(token));
        Assert.Equal(["区经济信息委", "各街道办事处", "区级各相关部门"], grpc.Results.Select(r => r.Unit?.Name));
    }

    [Fact]
    public async Task TheMunicipalViewerReadsBothDistrictsAndWritesNothing()
    {
        var viewer = await stack.TokenAsync("cq.viewer");
        var (tenantsStatus, tenants, _) = await stack.GetAsync("/api/v1/tenants", viewer);
        Assert.Equal(HttpStatusCode.OK, tenantsStatus);
        var ids = tenants.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Contains("500103", ids);
        Assert.Contains("500105", ids);

        var (status, body, _) = await stack.GetAsync("/api/v1/units?tenantId=500103&pageSize=500", viewer);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "区市场监管局");

        var (write, problem, _) = await stack.PostJsonAsync("/api/v1/units", viewer, new { name = "市级新单位" });
        Assert.Equal(HttpStatusCode.Forbidden, write);
        Assert.Equal("PERMISSION_DENIED", problem.GetProperty("grpcStatus").GetString());
    }

    [Fact]
    public async Task TheMunicipalViewerDrillsIntoOneDistrictsTasksReportsAndDashboardAndNoOtherCallerCan()
    {
        var viewer = await stack.TokenAsync("cq.viewer");
        var jb = await stack.TokenAsync("jb.admin");
        foreach (var path in new[]
                 {
                     "/api/v1/tasks?year=2023&pageSize=500&tenantId=500103", "/api/v1/reports?period=2023-07&tenantId=500103",
                     "/api/v1/dashboards/district?period=2023-07&tenantId=500103",
                 })
        {
            var (status, body, _) = await stack.GetAsync(path, viewer);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");

            // Another district's office, and the viewer naming a district outside its municipality, find nothing.
            Assert.Equal(HttpStatusCode.NotFound, (await stack.GetAsync(path, jb)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await stack.GetAsync(path.Replace("500103", "510104", StringComparison.Ordinal), viewer)).Status);
        }

        var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500&tenantId=500103", viewer);
        Assert.Equal(90, tasks.GetProperty("tasks").GetArrayLength());
        Assert.All(tasks.GetProperty("tasks").EnumerateArray(), t => Assert.NotEqual(0, t.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task AnIntegrationClientReadsWithClientCredentialsAndOnlyWhatItIsGranted()
    {
        var body = await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "yz.integration", ["client_secret"] = "demo-secret",
        });
        var token = body.GetProperty("access_token").GetString()!;
        var (status, units, _) = await stack.GetAsync("/api/v1/units", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(units.GetProperty("units").EnumerateArray(), u => Assert.Equal("500103", u.GetProperty("tenantId").GetString()));

        var (write, _, _) = await stack.PostJsonAsync("/api/v1/units", token, new { name = "接口新建单位" });
        Assert.Equal(HttpStatusCode.Forbidden, write);
    }

    [Fact]
    public async Task ARefreshTokenGivesANewAccessTokenThroughTheGateway()
    {
        var first = await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "password", ["username"] = "yz.leader", ["password"] = Stack.DemoPassword, ["client_id"] = "platform-cli",
        });
        var second = await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first.GetProperty("refresh_token").GetString()!, ["client_id"] = "platform-cli",
        });
        var (status, _, _) = await stack.GetAsync("/api/v1/units", second.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task APersonTheOfficeDisablesLosesAccessEverywhereWithinAMinute()
    {
        // Created through the gateway without a password: the office hands over the one-time one, the person replaces it.
        var office = await stack.TokenAsync("yz.admin");
        var username = "yz.e2e" + Guid.NewGuid().ToString("N")[..6];
        var (created, account, _) = await stack.PostJsonAsync("/api/v1/accounts", office, new { username, displayName = "离职人员", roles = new[] { "district-leader" } });
        Assert.Equal(HttpStatusCode.OK, created);
        var session = await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = account.GetProperty("initialPassword").GetString()!,
            ["new_password"] = "chosen-by-the-person", ["client_id"] = "platform-cli",
        });
        var token = session.GetProperty("access_token").GetString();
        string[] paths = ["/api/v1/units", "/api/v1/tasks?year=2023", "/api/v1/periods?year=2023"]; // units, tasks, reporting
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await stack.GetAsync(path, token)).Status);
        }

        var id = account.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await stack.PostJsonAsync($"/api/v1/accounts/{id}:disable", office, new { })).Status);
        var (refused, _, _) = await stack.SendAsync(HttpMethod.Post, "/connect/token", null, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = session.GetProperty("refresh_token").GetString()!, ["client_id"] = "platform-cli",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused);

        // The hosts poll the revocation list every 15 s: well within the minute.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var path in paths)
        {
            while ((await stack.GetAsync(path, token)).Status != HttpStatusCode.Unauthorized)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{path} still answers the disabled person's token after a minute");
                await Task.Delay(500);
            }
        }

        // The office's own token is untouched, and the audit shows the change.
        var (_, audit, _) = await stack.GetAsync($"/api/v1/accounts/audit?accountId={id}", office);
        Assert.Equal(["disabled", "password-changed", "created"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task AUnitsReportingIsHandedOverAndNothingOfItIsLost()
    {
        // A lead unit of 渝中's list that the other tests do not work with, and another unit to move the old reporter to.
        var office = await stack.TokenAsync("yz.admin");
        var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500", office);
        string[] busy = ["区市场监管局", "区经济信息委", "区税务局"];
        var leads = tasks.GetProperty("tasks").EnumerateArray().SelectMany(t => t.GetProperty("leadUnits").EnumerateArray())
            .Where(u => u.TryGetProperty("unitId", out var id) && id.GetString() is { Length: > 0 })
            .Select(u => (Id: u.GetProperty("unitId").GetString()!, Name: u.GetProperty("unitName").GetString()!))
            .Where(u => !busy.Contains(u.Name)).Distinct().ToList();
        var (unit, elsewhere) = (leads[0].Id, leads[1].Id);
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (_, leaving, _) = await stack.PostJsonAsync("/api/v1/accounts", office,
            new { username = "yz.old" + suffix, displayName = "原填报人", roles = new[] { "unit-reporter" }, unitId = unit, password = "reporter-old-pass" });
        var before = await SignInAsync("yz.old" + suffix, "reporter-old-pass");

        // The leaving reporter's draft of a month the unit still owes.
        var (_, reports, _) = await stack.GetAsync($"/api/v1/reports?period=2023-07&unitId={unit}", before);
        var report = reports.GetProperty("reports").EnumerateArray().First(r =>
            r.GetProperty("leadUnitId").GetString() == unit &&
            (!r.TryGetProperty("status", out var status) || status.GetString() is not ("REPORT_STATUS_SUBMITTED" or "REPORT_STATUS_ACCEPTED")));
        var path = $"/api/v1/reports/{report.GetProperty("taskId").GetString()}/2023-07";
        var draft = "交接前的草稿：已完成调研" + suffix;
        var (saved, _, _) = await stack.SendAsync(HttpMethod.Put, path, before,
            JsonContent.Create(new { progress = draft, problems = "", effects = "", selfStatus = "SELF_STATUS_ON_TRACK" }));
        Assert.Equal(HttpStatusCode.OK, saved);

        // Hand-over: a new reporter joins the unit, the old one moves to another unit.
        var (_, joining, _) = await stack.PostJsonAsync("/api/v1/accounts", office,
            new { username = "yz.new" + suffix, displayName = "新填报人", roles = new[] { "unit-reporter" }, unitId = unit, password = "reporter-new-pass" });
        var (moved, _, _) = await stack.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{leaving.GetProperty("id").GetString()}", office,
            JsonContent.Create(new { unitId = elsewhere }));
        Assert.Equal(HttpStatusCode.OK, moved);

        var after = await SignInAsync("yz.new" + suffix, "reporter-new-pass");
        var (_, kept, _) = await stack.GetAsync(path, after);
        Assert.Equal(draft, kept.GetProperty("progress").GetString());
        var (continued, _, _) = await stack.SendAsync(HttpMethod.Put, path, after,
            JsonContent.Create(new { progress = draft + "；新填报人补充", problems = "", effects = "", selfStatus = "SELF_STATUS_ON_TRACK" }));
        Assert.Equal(HttpStatusCode.OK, continued);

        // The old reporter's session ended; signed in again, they report for their new unit, not this one.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await stack.GetAsync(path, before)).Status != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the old reporter's token still works after a minute");
            await Task.Delay(500);
        }

        var elsewhereToken = await SignInAsync("yz.old" + suffix, "reporter-old-pass");
        var (refused, _, _) = await stack.SendAsync(HttpMethod.Put, path, elsewhereToken,
            JsonContent.Create(new { progress = "不应写入", problems = "", effects = "", selfStatus = "SELF_STATUS_ON_TRACK" }));
        Assert.True(refused is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"the moved reporter wrote the old unit's report: {refused}");
        Assert.Equal("yz.new" + suffix, joining.GetProperty("username").GetString());
    }

    private async Task<string> SignInAsync(string username, string password) =>
        (await stack.TokenResponseAsync(new() { ["grant_type"] = "password", ["username"] = username, ["password"] = password, ["client_id"] = "platform-cli" }))
        .GetProperty("access_token").GetString()!;

    [Fact]
    public async Task TheJwksAndDiscoveryDocumentAreServedAtTheGateway()
    {
        var (status, jwks, _) = await stack.GetAsync("/.well-known/jwks.json", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("RSA", jwks.GetProperty("keys")[0].GetProperty("kty").GetString());
        var (_, discovery, _) = await stack.GetAsync("/.well-known/openid-configuration", null);
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRestSurface()
    {
        var (status, document, _) = await stack.GetAsync("/openapi/units.json", null);
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units:resolve", paths);
        Assert.Contains("/api/v1/tenants", paths);
    }

    [Theory]
    [InlineData("{\"name\":", 400, "INVALID_ARGUMENT")]
    [InlineData("{\"name\":\"区新局\",\"kind\":\"UNIT_KIND_NOPE\"}", 400, "INVALID_ARGUMENT")]
    public async Task BadJsonIsA400ProblemNeverA500(string json, int expected, string grpcStatus)
    {
        var token = await stack.TokenAsync("jb.admin");
        var (status, problem, _) = await stack.SendAsync(HttpMethod.Post, "/api/v1/units", token, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(expected, (int)status);
        Assert.Equal(grpcStatus, problem.GetProperty("grpcStatus").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        var token = await stack.TokenAsync("jb.admin");
        var (status, problem, _) = await stack.SendAsync(HttpMethod.Post, "/api/v1/units", token,
            new StringContent("{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AnInvalidDivisionCodeIsA400NamingTheField()
    {
        var admin = await stack.TokenAsync("platform.admin");
        var (status, problem, _) = await stack.PostJsonAsync("/api/v1/tenants", admin, new { id = "5001x3", name = "某区" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("id:", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWrongGrantAndABadTokenAreRefusedReadably()
    {
        using (var response = await stack.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
        }

        var token = await stack.TokenAsync("yz.admin");
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var (status, _, _) = await stack.GetAsync("/api/v1/units", tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new UnitDirectory.UnitDirectoryClient(stack.Channel).ListUnitsAsync(new ListUnitsRequest(), Stack.Bearer(tampered)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
