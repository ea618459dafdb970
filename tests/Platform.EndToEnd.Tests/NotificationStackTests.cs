using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The supervision ladder on the running stack: 渝中's reporter of 区市场监管局 has its assignment, then — as the
/// notification service's clock passes July's due date — one reminder digest of only its unit's open tasks, one 催办,
/// and the district leader a 督办单. (June's 催办 and 督办单 exist already: the demo leaves some June reports missing.)
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class NotificationStackTests(Stack stack) : IClassFixture<Stack>
{
    private static readonly Uri Clock = new(StackEndpoints.Hosts["notifications"], "/_clock");

    [Fact]
    public async Task TheMarketRegulatorIsAssignedRemindedUrgedAndItsLeaderGetsTheNotice()
    {
        var scj = await stack.TokenAsync("yz.scj");
        var assignments = await WaitForAsync(scj, "NOTIFICATION_KIND_ASSIGNMENT", 1, period: null);
        Assert.Single(assignments);
        Assert.Contains("区市场监管局牵头", assignments[0].GetProperty("body").GetString());

        var original = (await stack.Http.GetFromJsonAsync<JsonElement>(Clock)).GetProperty("now").GetString()!;
        try
        {
            await SetClockAsync("2023-07-27T09:00:00+08:00");
            var reminder = Assert.Single(await WaitForAsync(scj, "NOTIFICATION_KIND_REMINDER", 1));
            var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500", scj);
            var led = tasks.GetProperty("tasks").EnumerateArray()
                .Where(t => t.GetProperty("leadUnits").EnumerateArray().Any(u => u.GetProperty("unitName").GetString() == "区市场监管局"))
                .Select(t => t.GetProperty("number").GetString()).ToHashSet();
            var listed = reminder.GetProperty("body").GetString()!.Split('\n').Skip(1)
                .Select(line => line.TrimStart('·', ' ').Split('：')[0].Replace("任务", string.Empty, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(listed);
            Assert.All(listed, number => Assert.Contains(number, led));

            await SetClockAsync("2023-08-06T09:00:00+08:00");
            Assert.Single(await WaitForAsync(scj, "NOTIFICATION_KIND_OVERDUE", 1));
            await SetClockAsync("2023-08-09T09:00:00+08:00");
            var leader = await stack.TokenAsync("yz.leader");
            var notices = await WaitForAsync(leader, "NOTIFICATION_KIND_ESCALATION", 1);
            Assert.Contains(notices, n => n.GetProperty("title").GetString()!.StartsWith("督办单：区市场监管局 2023-07", StringComparison.Ordinal));
            var unitLeader = await stack.TokenAsync("yz.scjld");
            var own = await WaitForAsync(unitLeader, "NOTIFICATION_KIND_ESCALATION", 1);
            Assert.All(own, n => Assert.StartsWith("督办单：区市场监管局", n.GetProperty("title").GetString(), StringComparison.Ordinal));

            // Another pass of the clock adds nothing; 江北's office sees none of it.
            await SetClockAsync("2023-08-09T10:00:00+08:00");
            Assert.Single(await WaitForAsync(scj, "NOTIFICATION_KIND_OVERDUE", 1));
            var jb = await stack.TokenAsync("jb.admin");
            var (_, jbInbox, _) = await stack.GetAsync("/api/v1/inbox?pageSize=200", jb);
            var ours = notices.Select(n => n.GetProperty("id").GetInt64()).ToHashSet();
            Assert.DoesNotContain(jbInbox.GetProperty("notifications").EnumerateArray(), n => ours.Contains(n.GetProperty("id").GetInt64()));
        }
        finally
        {
            await SetClockAsync(original);
        }
    }

    /// <summary>The caller's notifications of a kind (for July 2023 unless another period is given), once there are enough.</summary>
    private async Task<List<JsonElement>> WaitForAsync(string token, string kind, int atLeast, string? period = "2023-07")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, inbox, _) = await stack.GetAsync("/api/v1/inbox?pageSize=200", token);
            Assert.Equal(HttpStatusCode.OK, status);
            var found = inbox.TryGetProperty("notifications", out var items)
                ? items.EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind && (period is null || n.GetProperty("period").GetString() == period)).ToList()
                : [];
            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(250);
        }
    }

    private Task SetClockAsync(string now) => stack.SetClockAsync(Clock, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
}
