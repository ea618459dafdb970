using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Reporting.V1;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The operator's messaging commands on the running stack, through the gateway: every service's queues and error
/// queues, the re-drive, and the replay of the lists and the directory — platform admin only, and a replay changes no
/// state and wakes no one twice. The ladder's question to reporting is answered only to the platform's service client.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class OperationsStackTests(Stack stack) : IClassFixture<Stack>
{
    private static readonly string[] Services = ["units", "tasks", "reporting", "notifications"];

    [Fact]
    public async Task OnlyThePlatformAdminSetsTheDemoClockAndOnlyToAnInstantItCanUse()
    {
        var clock = new Uri(Platform.Testing.StackEndpoints.Hosts["reporting"], "/_clock");
        async Task<HttpStatusCode> PutAsync(string? token, string json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, clock) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await stack.Http.SendAsync(request);
            return response.StatusCode;
        }

        var before = (await stack.Http.GetFromJsonAsync<JsonElement>(clock)).GetProperty("now").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, await PutAsync(null, "{\"now\":\"2030-01-01T00:00:00Z\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(await stack.TokenAsync("yz.admin"), "{\"now\":\"2030-01-01T00:00:00Z\"}"));
        var admin = await stack.TokenAsync("platform.admin");
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(admin, "{}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(admin, "{\"now\":\"0001-01-01T00:00:00Z\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(admin, "{\"now\":"));
        var after = DateTimeOffset.Parse((await stack.Http.GetFromJsonAsync<JsonElement>(clock)).GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((after - DateTimeOffset.Parse(before!, System.Globalization.CultureInfo.InvariantCulture)).Duration() < TimeSpan.FromMinutes(5), $"the clock moved from {before} to {after:O}");
    }

    [Fact]
    public async Task ThePlatformAdminSeesEveryQueueAndReDrivesAndNobodyElseMay()
    {
        var admin = await stack.TokenAsync("platform.admin");
        var office = await stack.TokenAsync("yz.admin");
        foreach (var service in new[] { "tasks", "reporting", "notifications" })
        {
            var (status, body, _) = await stack.GetAsync($"/api/v1/ops/{service}/queues", admin);
            Assert.True(status == HttpStatusCode.OK, $"{service}: {(int)status} {body}");
            var queues = body.GetProperty("queues").EnumerateArray().ToList();
            Assert.NotEmpty(queues);
            Assert.All(queues, q => Assert.StartsWith(service + "-", q.GetProperty("queue").GetString(), StringComparison.Ordinal));

            var (redriven, moved, _) = await stack.PostJsonAsync($"/api/v1/ops/{service}/queues:redrive", admin, new { });
            Assert.True(redriven == HttpStatusCode.OK, $"{service}: {(int)redriven} {moved}");
            Assert.Equal(queues.Count, moved.GetProperty("moved").GetArrayLength());

            Assert.Equal(HttpStatusCode.Forbidden, (await stack.GetAsync($"/api/v1/ops/{service}/queues", office)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await stack.PostJsonAsync($"/api/v1/ops/{service}/queues:redrive", office, new { })).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stack.GetAsync($"/api/v1/ops/{service}/queues", null)).Status);
        }

        var (unknown, problem, _) = await stack.PostJsonAsync("/api/v1/ops/notifications/queues:redrive", admin, new { queue = "reporting-task-list-published_error" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("consumes no queue", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayingTheListsAndTheDirectoryIsAppliedOnceAndChangesNothing()
    {
        var admin = await stack.TokenAsync("platform.admin");
        var scj = await stack.TokenAsync("yz.scj");
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.PostJsonAsync("/api/v1/ops/tasks:replay", await stack.TokenAsync("yz.admin"), new { })).Status);
        var (badTenant, badBody, _) = await stack.PostJsonAsync("/api/v1/ops/units:replay", admin, new { tenant = "50'; DROP" });
        Assert.Equal(HttpStatusCode.BadRequest, badTenant);
        Assert.Contains("division code", badBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tasksBefore = await TaskCountAsync(scj);
        var assignmentsBefore = await AssignmentsAsync(scj);

        var (tasksStatus, tasks, _) = await stack.PostJsonAsync("/api/v1/ops/tasks:replay", admin, new { tenant = "500103" });
        Assert.True(tasksStatus == HttpStatusCode.OK, tasks.ToString());
        Assert.True(tasks.GetProperty("replayed").GetProperty("taskListPublished").GetInt32() >= 1);
        var (unitsStatus, units, _) = await stack.PostJsonAsync("/api/v1/ops/units:replay", admin, new { tenant = "500103" });
        Assert.True(unitsStatus == HttpStatusCode.OK, units.ToString());
        Assert.True(units.GetProperty("replayed").GetProperty("accountChanged").GetInt32() > 5);

        // Every service has published and every consumer applied the replay: outboxes drained, nothing in error queues.
        await EventuallyAsync(async () =>
        {
            foreach (var service in Services)
            {
                using var answer = await stack.Http.GetAsync(new Uri(Platform.Testing.StackEndpoints.Hosts[service], "/health"));
                var health = await answer.Content.ReadFromJsonAsync<JsonElement>();
                if (!answer.IsSuccessStatusCode || health.GetProperty("checks").GetProperty("outbox").GetProperty("data").GetProperty("pending").GetInt32() != 0)
                {
                    return false;
                }
            }

            foreach (var service in new[] { "tasks", "reporting", "notifications" })
            {
                var (_, body, _) = await stack.GetAsync($"/api/v1/ops/{service}/queues", admin);
                if (body.GetProperty("queues").EnumerateArray().Any(q => q.GetProperty("ready").GetInt32() + q.GetProperty("error").GetInt32() > 0))
                {
                    return false;
                }
            }

            return true;
        });

        Assert.Equal(tasksBefore, await TaskCountAsync(scj));
        Assert.Equal(assignmentsBefore, await AssignmentsAsync(scj));
    }

    [Fact]
    public async Task OnlyThePlatformsServiceClientMayAskReportingWhatIsStillOwed()
    {
        var office = await stack.TokenAsync("yz.admin");
        var (_, june, _) = await stack.GetAsync("/api/v1/reports?period=2023-06", office);
        var reports = june.GetProperty("reports").EnumerateArray().ToList();
        Assert.NotEmpty(reports);
        var request = new ConfirmOwedRequest { TenantId = "500103" };
        request.Items.AddRange(reports.Select(r => new OwedItem
        {
            TaskId = r.GetProperty("taskId").GetString(), Period = "2023-06", LeadUnitId = r.GetProperty("leadUnitId").GetString(),
        }));
        var client = new SupervisionChecks.SupervisionChecksClient(stack.Channel);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ConfirmOwedAsync(request, Stack.Bearer(office)));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var secret = Environment.GetEnvironmentVariable("DUBAN_TEST_NOTIFICATIONS_CLIENT_SECRET");
        Assert.False(string.IsNullOrEmpty(secret), "DUBAN_TEST_NOTIFICATIONS_CLIENT_SECRET is not set (deploy/local/test.sh sets it)");
        var token = (await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "duban-notifications", ["client_secret"] = secret!, ["scope"] = "reports.confirm",
        })).GetProperty("access_token").GetString()!;
        var owed = (await client.ConfirmOwedAsync(request, Stack.Bearer(token))).StillOwed.Select(i => i.TaskId + "/" + i.LeadUnitId).ToHashSet();

        foreach (var report in reports)
        {
            var status = report.TryGetProperty("status", out var s) ? s.GetString() : null;
            var handedIn = status is "REPORT_STATUS_SUBMITTED" or "REPORT_STATUS_ACCEPTED";
            var key = report.GetProperty("taskId").GetString() + "/" + report.GetProperty("leadUnitId").GetString();
            Assert.True(owed.Contains(key) != handedIn, $"{key} ({status ?? "none"}) {(handedIn ? "is handed in but reported owed" : "is not handed in but not reported owed")}");
        }

        Assert.Contains(reports, r => r.TryGetProperty("status", out var s) && s.GetString() == "REPORT_STATUS_ACCEPTED");
    }

    private async Task<int> TaskCountAsync(string token)
    {
        var (_, body, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500", token);
        return body.GetProperty("tasks").GetArrayLength();
    }

    private async Task<int> AssignmentsAsync(string token)
    {
        var (_, body, _) = await stack.GetAsync("/api/v1/inbox", token);
        return body.GetProperty("notifications").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "NOTIFICATION_KIND_ASSIGNMENT");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the replay was not applied within 60 s");
            await Task.Delay(500);
        }
    }
}
