using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Contracts.Reporting.V1;

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

        var rows = await LedgerAsync(app.Admin(), "2023-10");
        Assert.Equal("序号", rows[0][0]);
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
        Assert.Single(await LedgerAsync(app.OtherDistrictAdmin(), "2023-10"));
        using var bad = await Send(app.Admin(), "2023-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<List<string[]>> LedgerAsync(string token, string period)
    {
        using var response = await Send(token, period);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    private Task<HttpResponseMessage> Send(string token, string period)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/ledger?period={period}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Http.SendAsync(request);
    }
}
