using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Reporting.Tests.Assessment;

/// <summary>
/// The year's .docx and the assessment .xlsx of a district of their own, read back: the figures are those applied;
/// a unit, the municipal level and a bad year are refused.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class YearExportTests(ReportingApp app) : IAsyncLifetime
{
    private const string District = "500390";
    private readonly Guid scj = Guid.NewGuid();
    private readonly Guid jxw = Guid.NewGuid();

    private Assessments.AssessmentsClient Assessments => new(app.Channel);

    private string Office => app.Tokens.Issue(District, ["district-admin"], ["reports.read", "reports.write"]);

    public async Task InitializeAsync()
    {
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            District,
            1,
            new DateOnly(2023, 3, 1),
            new PublishedTask
            {
                TaskId = Guid.NewGuid(), Number = "1", Category = "市场准入", Text = "深化商事制度改革。",
                LeadUnits = [new AssignedUnit(scj, "区市场监管局")],
            },
            new PublishedTask
            {
                TaskId = Guid.NewGuid(), Number = "2", Category = "获得电力", Text = "推进小微企业用电报装。",
                LeadUnits = [new AssignedUnit(jxw, "区经济信息委")],
            }));
        await Eventually.TrueAsync(
            async () => (await Assessments.PreviewAssessmentAsync(Rules(), Bearer(Office))).Units.Count == 2,
            "the published list never reached the reporting projection");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheYearsDocumentAndTheAssessmentSheetCarryTheAppliedFigures()
    {
        var applied = await Assessments.ApplyAssessmentAsync(Rules(), Bearer(Office));
        using (var document = WordprocessingDocument.Open(
            new MemoryStream(await DownloadAsync(Office, "year?year=2023")), false))
        {
            var main = document.MainDocumentPart!;
            var body = main.Document.Body!;
            Assert.Equal("500390" + "2023年重点任务完成情况", body.Elements<W.Paragraph>().First().InnerText);
            Assert.Contains("2023 年共 2 项任务：完成 0 项，基本完成 0 项，未完成 0 项，未报 2 项；完成率 0%。", body.InnerText);
            Assert.Single(main.ChartParts);
            var ranking = body.Elements<W.Table>().Last().Elements<W.TableRow>().Skip(1)
                .Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray())
                .ToList();
            Assert.Equal(
                applied.Units.Select(u => (u.Rank.ToString(), u.UnitName, u.Score.ToString("0.##"))),
                ranking.Select(r => (r[0], r[1], r[2])));
            Assert.Contains("按考核规则第 1 版计分", body.InnerText);
            Assert.All(body.Elements<W.Table>(), t => Assert.NotNull(
                t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));
            Assert.Contains(
                main.FooterParts.SelectMany(f => f.Footer!.Descendants<W.FieldCode>()),
                f => f.Text.Trim() == "PAGE");
        }

        using (var workbook = SpreadsheetDocument.Open(
            new MemoryStream(await DownloadAsync(Office, "assessment?year=2023")), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().ToList();
            Assert.Equal(["2023年考核排名", "扣分明细"], sheets.Select(s => s.Name!.Value));
            var rows = Rows(workbook, sheets[0]);
            Assert.Equal(District + "2023年度重点任务考核排名", rows[0][0]);
            rows = rows.Skip(2).ToList();
            Assert.Equal("名次", rows[0][0]);
            Assert.Equal(applied.Units.Select(u => u.UnitName), rows.Skip(1).Select(r => r[1]));
            Assert.Equal(applied.Units.Select(u => u.Score.ToString("0.##")), rows.Skip(1).Select(r => r[2]));
            var reasons = Rows(workbook, sheets[1]).Skip(2).ToList();
            Assert.Equal("单位", reasons[0][0]);
            Assert.Equal(applied.Units.Sum(u => u.Reasons.Count), reasons.Count - 1);
            Assert.Contains(reasons, r => r[0] == "区市场监管局" && r[6].Contains("月报逾期未报"));
        }
    }

    [Fact]
    public async Task OnlyTheOfficeAndLeadersDownloadAndABadYearIsRefused()
    {
        var reporter = app.Tokens.Issue(
            District, ["unit-reporter"], ["reports.read", "reports.write"], unit: scj.ToString());
        foreach (var path in new[] { "year?year=2023", "assessment?year=2023" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporter, path));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app.MunicipalViewer(), path));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(null, path));
        }

        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(Office, "year?year=1"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(Office, "assessment"));
        var leader = app.Tokens.Issue(District, ["district-leader"], ["reports.read"]);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leader, "assessment?year=2023"));
    }

    private static AssessmentRulesRequest Rules() => new()
    {
        Year = 2023,
        Rules = new AssessmentRules
        {
            BaseScore = 100,
            Items = { new AssessmentItem { Kind = "MissingReport", Points = 2, Enabled = true } },
        },
    };

    private static Metadata Bearer(string token) => ReportingApp.Bearer(token);

    private async Task<byte[]> DownloadAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpStatusCode> StatusAsync(string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/" + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await app.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static List<string[]> Rows(SpreadsheetDocument workbook, X.Sheet sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().Select(c => c.InnerText).ToArray())
            .ToList();
    }
}
