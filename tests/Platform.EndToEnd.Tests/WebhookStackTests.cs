using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Testing;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Webhooks through the gateway on the running stack: 渝中's office registers two receivers for returned reports; the
/// healthy one gets a delivery whose signature it verifies, the failing one is retried and ends as a dead letter the
/// office sees and retries.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class WebhookStackTests(Stack stack) : IClassFixture<Stack>
{
    [Fact]
    public async Task AReturnedReportIsDeliveredSignedAndAFailingReceiverEndsDead()
    {
        // The stack's notification service reaches these two loopback ports only (its webhook allow-list).
        var ports = StackEndpoints.WebhookReceiverPorts;
        Assert.True(ports.Count >= 2, "DUBAN_TEST_WEBHOOK_PORTS names fewer than two receiver ports.");
        await using var good = new WebhookReceiver();
        await using var bad = new WebhookReceiver();
        await good.StartAsync(ports[0]);
        await bad.StartAsync(ports[1]);
        bad.FailNext = 1000;
        var admin = await stack.TokenAsync("yz.admin");
        var scj = await stack.TokenAsync("yz.scj");
        await stack.WaitForReportingAsync(admin);
        var (createdStatus, created, _) = await stack.PostJsonAsync("/api/v1/webhooks", admin, new { url = good.Url, kinds = new[] { "REPORT_RETURNED" } });
        Assert.Equal(HttpStatusCode.OK, createdStatus);
        var secret = created.GetProperty("secret").GetString()!;
        var (_, failing, _) = await stack.PostJsonAsync("/api/v1/webhooks", admin, new { url = bad.Url, kinds = new[] { "REPORT_RETURNED" } });
        var failingId = failing.GetProperty("webhook").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.PostJsonAsync("/api/v1/webhooks", scj, new { url = good.Url })).Status);
        var (privateStatus, refused, _) = await stack.PostJsonAsync("/api/v1/webhooks", admin, new { url = "http://169.254.169.254/latest/meta-data/" });
        Assert.Equal(HttpStatusCode.BadRequest, privateStatus);
        Assert.Contains("public https address", refused.ToString(), StringComparison.Ordinal);

        try
        {
            // 区市场监管局 submits one of its open reports and the office returns it.
            var (_, reports, _) = await stack.GetAsync("/api/v1/reports?period=2023-08", admin);
            var open = reports.GetProperty("reports").EnumerateArray()
                .First(r => !r.GetProperty("exists").GetBoolean() && r.GetProperty("leadUnitId").GetString() == LeadOf(scj));
            var path = $"/api/v1/reports/{open.GetProperty("taskId").GetString()}/2023-08";
            await stack.SendAsync(HttpMethod.Put, path, scj, System.Net.Http.Json.JsonContent.Create(new { progress = "八月已推进", selfStatus = "SELF_STATUS_ON_TRACK" }));
            Assert.Equal(HttpStatusCode.OK, (await stack.PostJsonAsync(path + ":submit", scj, new { })).Status);
            Assert.Equal(HttpStatusCode.OK, (await stack.PostJsonAsync(path + ":return", admin, new { comment = "请补充八月数据" })).Status);

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (good.Calls.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            var (headers, body) = Assert.Single(good.Calls);
            var timestamp = headers["X-Duban-Timestamp"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            Assert.Equal(expected, headers["X-Duban-Signature"].ToString());
            Assert.Contains("请补充八月数据", JsonDocument.Parse(body).RootElement.GetProperty("body").GetString());

            JsonElement dead = default;
            while (DateTime.UtcNow < deadline)
            {
                var (_, deliveries, _) = await stack.GetAsync($"/api/v1/deliveries?webhookId={failingId}&deadOnly=true", admin);
                if (deliveries.TryGetProperty("deliveries", out var list) && list.GetArrayLength() > 0)
                {
                    dead = list[0];
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(JsonValueKind.Object, dead.ValueKind);
            Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
            Assert.Equal("failed: HTTP 500", dead.GetProperty("lastError").GetString());
            Assert.Equal(3, bad.Failures);

            bad.FailNext = 0;
            Assert.Equal(HttpStatusCode.OK, (await stack.PostJsonAsync($"/api/v1/deliveries/{dead.GetProperty("id")}:retry", admin, new { })).Status);
            while (bad.Calls.IsEmpty && DateTime.UtcNow < deadline.AddSeconds(30))
            {
                await Task.Delay(250);
            }

            Assert.Single(bad.Calls);
        }
        finally
        {
            await stack.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{created.GetProperty("webhook").GetProperty("id").GetString()}", admin);
            await stack.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{failingId}", admin);
        }
    }

    private static string? LeadOf(string token) =>
        JsonDocument.Parse(Base64Url(token.Split('.')[1])).RootElement.GetProperty("unit").GetString();

    private static byte[] Base64Url(string part) =>
        Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '='));
}
