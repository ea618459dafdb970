using System.Net;
using Platform.Contracts.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>Monthly reporting on 渝中's published list, through the gateway, with the demo accounts.</summary>
[Collection(ReportingStackCollection.Name)]
public sealed class ReportingStackTests(Stack stack) : IClassFixture<Stack>
{
    [Fact]
    public async Task TheMarketRegulatorReportsOnTask2AndTheOfficeReturnsThenAcceptsIt()
    {
        var scj = await stack.TokenAsync("yz.scj");
        var admin = await stack.TokenAsync("yz.admin");
        var tasks = await new TaskLists.TaskListsClient(stack.Channel).ListTasksAsync(new ListTasksRequest { Year = 2023, PageSize = 500 }, Stack.Bearer(scj));
        var task2 = tasks.Tasks.Single(t => t.Number == "2").Id;

        // The published list reached the reporting service as an event: its periods run from June (the issue month).
        var periods = await WaitForPeriodsAsync(admin);
        Assert.Equal("2023-06", periods[0]);

        // The first month whose report is still open (July on a fresh stack; later months when the suite runs again).
        string? period = null;
        foreach (var candidate in periods.Where(p => string.CompareOrdinal(p, "2023-07") >= 0))
        {
            var (_, existing, _) = await stack.GetAsync($"/api/v1/reports/{task2}/{candidate}", scj);
            if (existing.GetProperty("status").GetString() is null or "REPORT_STATUS_UNSPECIFIED" or "REPORT_STATUS_DRAFT")
            {
                period = candidate;
                break;
            }
        }

        Assert.NotNull(period);
        var report = $"/api/v1/reports/{task2}/{period}";
        var body = new
        {
            progress = "“E企办”已上线，全流程办理时限压减至0.5天",
            problems = "外籍投资者身份在线认证尚未打通",
            effects = "当月新设企业全程网办率100%",
            selfStatus = "SELF_STATUS_ON_TRACK",
            actuals = new[] { new { target = 0, actual = 0.5 } },
        };
        var (saved, _, _) = await stack.SendAsync(HttpMethod.Put, report, scj, System.Net.Http.Json.JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal("REPORT_STATUS_SUBMITTED", (await stack.PostJsonAsync(report + ":submit", scj, new { })).Body.GetProperty("status").GetString());
        var (returnedStatus, returned, _) = await stack.PostJsonAsync(report + ":return", admin, new { comment = "请补充认证工作的时间安排" });
        Assert.Equal(HttpStatusCode.OK, returnedStatus);
        Assert.Equal("REPORT_STATUS_RETURNED", returned.GetProperty("status").GetString());
        Assert.Equal("REPORT_STATUS_SUBMITTED", (await stack.PostJsonAsync(report + ":submit", scj, new { })).Body.GetProperty("status").GetString());
        var (_, accepted, _) = await stack.PostJsonAsync(report + ":accept", admin, new { });
        Assert.Equal("REPORT_STATUS_ACCEPTED", accepted.GetProperty("status").GetString());
        Assert.Equal(0.5, accepted.GetProperty("actuals")[0].GetProperty("actual").GetDouble());

        // The reporter may not accept, and 江北 sees nothing of it.
        var (selfAccept, _, _) = await stack.PostJsonAsync(report + ":accept", scj, new { });
        Assert.Equal(HttpStatusCode.Forbidden, selfAccept);
        var jb = await stack.TokenAsync("jb.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await stack.GetAsync(report, jb)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.GetAsync($"/api/v1/audit/{task2}", jb)).Status);

        // The reporter was told why, in its inbox.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, inbox, _) = await stack.GetAsync("/api/v1/inbox?pageSize=200", scj);
            if (inbox.GetProperty("notifications").EnumerateArray().Any(n =>
                    n.GetProperty("kind").GetString() == "NOTIFICATION_KIND_REPORT_RETURNED" && n.GetProperty("body").GetString()!.Contains("请补充认证工作的时间安排", StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the returned report never reached the reporter's inbox");
            await Task.Delay(250);
        }

        var (_, audit, _) = await stack.GetAsync($"/api/v1/audit/{task2}", admin);
        var actions = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("period").GetString() == period)
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["saved", "submitted", "returned", "submitted", "accepted"], actions);
    }

    private async Task<List<string>> WaitForPeriodsAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, body, _) = await stack.GetAsync("/api/v1/periods?year=2023", token);
            var keys = body.TryGetProperty("periods", out var periods) ? periods.EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToList() : [];
            if (keys.Count > 0 || DateTime.UtcNow > deadline)
            {
                return keys;
            }

            await Task.Delay(250);
        }
    }
}

/// <summary>The district dashboard of the demo data through the gateway.</summary>
[Collection(ReportingStackCollection.Name)]
public sealed class DashboardStackTests(Stack stack) : IClassFixture<Stack>
{
    [Fact]
    public async Task TheLeaderSeesEveryTaskOfTheDistrictAndJiangbeiSeesOnlyItsOwn()
    {
        var leader = await stack.TokenAsync("yz.leader");
        await stack.WaitForReportingAsync(leader);
        var (status, dashboard, _) = await stack.GetAsync("/api/v1/dashboards/district?period=2023-07", leader);
        Assert.Equal(HttpStatusCode.OK, status);
        var total = dashboard.GetProperty("total");
        var count = total.GetProperty("green").GetInt32() + total.GetProperty("yellow").GetInt32() + total.GetProperty("red").GetInt32();
        Assert.True(count >= 90, $"渝中 has 90 tasks (some with two lead units); the dashboard counted {count}");
        Assert.Equal(17, dashboard.GetProperty("byCategory").GetArrayLength());

        var jb = await stack.TokenAsync("jb.admin");
        await stack.WaitForReportingAsync(jb);
        var (_, jbDashboard, _) = await stack.GetAsync("/api/v1/dashboards/district?period=2023-07", jb);
        var jbTotal = jbDashboard.GetProperty("total");
        Assert.Equal(7, jbTotal.GetProperty("green").GetInt32() + jbTotal.GetProperty("yellow").GetInt32() + jbTotal.GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task TheLeaderDownloadsTheMonthlyLedgerAsASpreadsheet()
    {
        var leader = await stack.TokenAsync("yz.leader");
        await stack.WaitForReportingAsync(leader);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/ledger?period=2023-07");
        request.Headers.Authorization = new("Bearer", leader);
        using var response = await stack.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray()).ToList();
        // A title and the generation time above the header, which is the third row.
        Assert.EndsWith("2023年7月重点任务推进情况台账", rows[0][0]);
        rows = rows.Skip(2).ToList();
        Assert.Equal("序号", rows[0][0]);
        Assert.True(rows.Count > 90, $"a row per task and lead unit; got {rows.Count - 1}");
        Assert.Contains(rows, r => r[0] == "17" && r[3] == "市不动产登记中心");
    }
}
