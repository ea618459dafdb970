using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Platform.Testing;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>The tests that change 渝中's reports or the reporting clock run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReportingStackCollection
{
    public const string Name = "reporting stack";
}

/// <summary>
/// Time passes on the running stack (its demo clock, set on the reporting service's own port): an unreported July task
/// turns yellow within the grace and red after it, and the district dashboard, the municipal view, the ledger and the
/// bulletin all show it; 江北 sees none of it.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class SupervisionStackTests(Stack stack) : IClassFixture<Stack>
{
    private static readonly Uri Clock = new(StackEndpoints.Hosts["reporting"], "/_clock");

    [Fact]
    public async Task AnUnreportedTaskTurnsYellowThenRedAndEveryViewShowsIt()
    {
        var admin = await stack.TokenAsync("yz.admin");
        await stack.WaitForReportingAsync(admin);
        var original = await GetClockAsync();
        try
        {
            await SetClockAsync("2023-07-31T12:00:00+08:00");
            var (_, list, _) = await stack.GetAsync("/api/v1/reports?period=2023-07", admin);
            var open = list.GetProperty("reports").EnumerateArray()
                .First(r => !r.GetProperty("exists").GetBoolean() && r.GetProperty("taskNumber").GetString() is not ("2" or "3"));
            var number = open.GetProperty("taskNumber").GetString()!;
            var report = $"/api/v1/reports/{open.GetProperty("taskId").GetString()}/2023-07";
            Assert.Equal("LIGHT_GREEN", await LightAsync(report, admin));

            await SetClockAsync("2023-08-02T10:00:00+08:00");
            Assert.Equal("LIGHT_YELLOW", await LightAsync(report, admin));
            Assert.Equal("LIGHT_YELLOW", Lagging(await DashboardAsync(admin), number).GetProperty("light").GetString());

            await SetClockAsync("2023-08-08T10:00:00+08:00");
            Assert.Equal("LIGHT_RED", await LightAsync(report, admin));
            var dashboard = await DashboardAsync(admin);
            var lagging = Lagging(dashboard, number);
            Assert.Equal("LIGHT_RED", lagging.GetProperty("light").GetString());
            Assert.Contains("逾期未报", lagging.GetProperty("reasons").GetString());
            var leadUnit = lagging.GetProperty("leadUnit").GetString();
            Assert.Contains(dashboard.GetProperty("lateUnits").EnumerateArray(), u => u.GetProperty("name").GetString() == leadUnit);
            var red = dashboard.GetProperty("total").GetProperty("red").GetInt32();

            // The municipality sees 渝中 beside 江北, read-only, within a roll-up pass (2 s) of the district's counts;
            // 江北 sees nothing of 渝中.
            var viewer = await stack.TokenAsync("cq.viewer");
            JsonElement view, yuzhong;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var (viewStatus, read, _) = await stack.GetAsync("/api/v1/dashboards/municipal?period=2023-07", viewer);
                Assert.Equal(HttpStatusCode.OK, viewStatus);
                (view, yuzhong) = (read, read.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("tenantId").GetString() == "500103"));
                if (yuzhong.GetProperty("red").GetInt32() == red || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal("渝中区", yuzhong.GetProperty("name").GetString());
            Assert.Equal(red, yuzhong.GetProperty("red").GetInt32());
            Assert.Contains(view.GetProperty("districts").EnumerateArray(), d => d.GetProperty("tenantId").GetString() == "500105");
            Assert.Equal(HttpStatusCode.Forbidden, (await stack.SendAsync(HttpMethod.Put, report, viewer, JsonContent.Create(new { progress = "x" }))).Status);

            var jb = await stack.TokenAsync("jb.admin");
            Assert.Equal(HttpStatusCode.Forbidden, (await stack.GetAsync("/api/v1/dashboards/municipal?period=2023-07", jb)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await stack.GetAsync(report, jb)).Status);
            var (_, jbDashboard, _) = await stack.GetAsync("/api/v1/dashboards/district?period=2023-07", jb);
            Assert.DoesNotContain(jbDashboard.GetProperty("lagging").EnumerateArray(), t => t.GetProperty("taskId").GetString() == open.GetProperty("taskId").GetString());

            // The ledger and the bulletin of July carry the same figures.
            var ledger = await DownloadAsync("/api/v1/exports/ledger?period=2023-07", admin);
            using (var workbook = SpreadsheetDocument.Open(new MemoryStream(ledger), false))
            {
                var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                    .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray())
                    .SkipWhile(r => r[0] != "序号").Skip(1).ToList();
                Assert.Contains(rows, r => r[0] == number && r[8] == "红灯" && r[6] == "未报");
                Assert.Equal(red, rows.Count(r => r[8] == "红灯"));
            }

            var bulletin = await DownloadAsync("/api/v1/exports/bulletin?period=2023-07", admin);
            using (var document = WordprocessingDocument.Open(new MemoryStream(bulletin), false))
            {
                var body = document.MainDocumentPart!.Document!.Body!;
                Assert.Contains("渝中区2023年7月重点任务推进情况通报", body.InnerText);
                Assert.Contains($"红灯 {red} 项", body.InnerText);
                Assert.Contains(leadUnit!, body.InnerText);
                Assert.Single(document.MainDocumentPart.ChartParts);
            }
        }
        finally
        {
            await SetClockAsync(original);
        }
    }

    private static JsonElement Lagging(JsonElement dashboard, string number) =>
        dashboard.GetProperty("lagging").EnumerateArray().First(t => t.GetProperty("number").GetString() == number);

    private async Task<string?> LightAsync(string report, string token) => (await stack.GetAsync(report, token)).Body.GetProperty("light").GetString();

    private async Task<JsonElement> DashboardAsync(string token)
    {
        var (status, body, _) = await stack.GetAsync("/api/v1/dashboards/district?period=2023-07", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private async Task<byte[]> DownloadAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await stack.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> GetClockAsync()
    {
        var state = await stack.Http.GetFromJsonAsync<JsonElement>(Clock);
        return state.GetProperty("now").GetString()!;
    }

    private Task SetClockAsync(string now) => stack.SetClockAsync(Clock, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
}
