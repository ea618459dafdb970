using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Reporting.V1;
using Platform.MultiTenancy;
using Platform.Reporting.Data;

namespace Platform.Reporting.Tests;

[Collection(ReportingCollection.Name)]
public sealed class LedgerExportTests(ReportingApp app)
{
    [Fact]
    public async Task TheMonthlyLedgerOpensWithOneRowPerTaskAndItsReport()
    {
        var scj = ReportingApp.Bearer(app.Reporter(ReportingApp.ScjUnit));
        await app.Reports.SaveReportAsync(new SaveReportRequest
        {
            TaskId = app.TaskWithTarget.ToString(), Period = "2023-10", Progress = "并联审批已覆盖全部项目", Problems = "系统对接滞后",
            SelfStatus = SelfStatus.AtRisk, Actuals = { new TargetActual { Target = 0, Actual = 46 } },
        }, scj);

        var (titles, rows) = await LedgerAsync(app.Admin(), "2023-10");
        // The district's name once its TenantProvisioned has arrived (another test of the collection sends it), its
        // code before.
        Assert.Contains(titles[0], new[] { ReportingApp.Tenant, "测试一区" }.Select(d => d + "2023年10月重点任务推进情况台账"));
        Assert.Matches(@"^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$", titles[1]);
        Assert.Equal(
            ["序号", "类别", "任务", "牵头单位", "指标", "实际值", "报送状态", "自评", "红黄绿灯", "灯因", "工作进展情况", "存在的问题", "工作成效"],
            rows[0]);
        Assert.Equal(3, rows.Count);
        var task9 = rows.Single(r => r[0] == "9");
        Assert.Equal("区市场监管局", task9[3]);
        Assert.Equal("46个工作日", task9[5]);
        Assert.Equal("草稿", task9[6]);
        Assert.Equal("存在风险", task9[7]);
        Assert.Equal("并联审批已覆盖全部项目", task9[10]);
        Assert.Equal("系统对接滞后", task9[11]);
        Assert.Equal("未报", rows.Single(r => r[0] == "10")[6]);

        // Another district's ledger has only the header; a bad period is a 400.
        Assert.Single((await LedgerAsync(app.OtherDistrictAdmin(), "2023-10")).Rows);
        using var bad = await Send(app.Admin(), "2023-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task TheLedgersLightIsTheProjectionsTheDashboardsRead()
    {
        // The projection is the one source of a light: whatever it holds, the ledger prints, and nothing recomputes it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var changed = await db.Lights
                .Where(l => l.TaskId == app.UnreportedTask && l.Period == "2023-11")
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Light, Platform.Reporting.Domain.Light.Red)
                    .SetProperty(l => l.Reasons, "投影中的灯因"));
            Assert.Equal(1, changed);
        }

        var row = (await LedgerAsync(app.Admin(), "2023-11")).Rows.Single(r => r[0] == "10");
        Assert.Equal(("红灯", "投影中的灯因"), (row[8], row[9]));
    }

    [Fact]
    public async Task TheBulletinCarriesTheDashboardsFiguresAndAChartOfLightsByCategory()
    {
        var admin = app.Admin();
        var dashboard = await new Dashboards.DashboardsClient(app.Channel).GetDistrictDashboardAsync(
            new GetDistrictDashboardRequest { Period = "2023-07" }, ReportingApp.Bearer(admin));
        using var response = await Send(admin, "2023-07", "bulletin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(
            new MemoryStream(await response.Content.ReadAsByteArrayAsync()),
            false);
        var body = document.MainDocumentPart!.Document!.Body!.InnerText;
        var total = dashboard.Total;
        Assert.Contains($"本月共 {total.Green + total.Yellow + total.Red} 项任务", body);
        Assert.Contains($"绿灯 {total.Green} 项、黄灯 {total.Yellow} 项、红灯 {total.Red} 项", body);
        Assert.Contains("工程建设项目审批", body);

        var chart = document.MainDocumentPart.ChartParts.Single().ChartSpace!;
        var series = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        Assert.Equal(3, series.Count);
        var greens = series[0].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()!
            .Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericValue>()
            .Select(v => int.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(dashboard.ByCategory.Select(c => c.Green), greens);

        using var denied = await Send(
            app.Tokens.Issue(ReportingApp.Tenant, ["district-leader"], ["tasks.read"]),
            "2023-07",
            "bulletin");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var bad = await Send(admin, "July", "bulletin");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>The ledger's title lines (the rows above the header) and its rows from the header on.</summary>
    private async Task<(List<string> Titles, List<string[]> Rows)> LedgerAsync(string token, string period)
    {
        using var response = await Send(token, period);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
        var header = rows.FindIndex(r => r.Length > 0 && r[0] == "序号");
        Assert.True(header >= 0, "the ledger has no header row");
        return (rows.Take(header).Select(r => string.Concat(r)).ToList(), rows.Skip(header).ToList());
    }

    private Task<HttpResponseMessage> Send(string token, string period, string export = "ledger")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{export}?period={period}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Http.SendAsync(request);
    }
}
