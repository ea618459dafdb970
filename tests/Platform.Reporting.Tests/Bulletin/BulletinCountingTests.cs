using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Tests.Bulletin;

/// <summary>
/// The bulletin's figures on a real database, through the workflow: a report returned then handed in again counts as
/// reported (on time, by its first submission) and accepted; a report returned and left counts as neither reported nor
/// on time; on time and accepted never exceed reported, and the summary says so in those words.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class BulletinCountingTests(ReportingApp app) : IAsyncLifetime
{
    private const string District = "500392";

    // A month due after any day the shared clock is moved to, so every first submission is on time.
    private const string October = "2023-10";
    private readonly Guid unit = Guid.NewGuid();
    private readonly Guid resubmitted = Guid.NewGuid();
    private readonly Guid leftReturned = Guid.NewGuid();
    private readonly Guid submitted = Guid.NewGuid();
    private readonly Guid unreported = Guid.NewGuid();

    private Metadata Office => ReportingApp.Bearer(OfficeToken);

    private string OfficeToken => app.Tokens.Issue(District, ["district-admin"], ["reports.read", "reports.write"]);

    private Metadata Reporter => ReportingApp.Bearer(
        app.Tokens.Issue(District, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString()));

    public async Task InitializeAsync()
    {
        PublishedTask Task(Guid id, string number) => new()
        {
            TaskId = id, Number = number, Category = "优化营商环境提升城市能级", Text = "推进重点任务" + number + "。",
            LeadUnits = [new AssignedUnit(unit, "区住房城乡建委（区人防办）")],
        };
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            District,
            1,
            new DateOnly(2023, 3, 1),
            Task(resubmitted, "1"),
            Task(leftReturned, "2"),
            Task(submitted, "3"),
            Task(unreported, "4")));
        await Eventually.TrueAsync(
            async () => (await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, Office))
                .Periods.Count > 0,
            "the published list never reached the reporting projection");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AReturnedReportCountsOnlyOnceHandedInAgainAndTheSummaryNeverSaysMoreThanReported()
    {
        foreach (var task in new[] { resubmitted, leftReturned, submitted })
        {
            await SaveAsync(task, "按计划推进");
            await app.Reports.SubmitReportAsync(ReportRequests.ActionOn(task, October), Reporter);
        }

        foreach (var task in new[] { resubmitted, leftReturned })
        {
            await app.Reports.ReturnReportAsync(ReportRequests.ActionOn(task, October, comment: "请补充数据"), Office);
        }

        await SaveAsync(resubmitted, "已补充数据");
        await app.Reports.SubmitReportAsync(ReportRequests.ActionOn(resubmitted, October), Reporter);
        await app.Reports.AcceptReportAsync(ReportRequests.ActionOn(resubmitted, October), Office);

        var dashboard = await new Dashboards.DashboardsClient(app.Channel).GetDistrictDashboardAsync(
            new GetDistrictDashboardRequest { Period = October }, Office);
        Assert.Equal((2, 2, 1), (dashboard.Reported, dashboard.OnTime, dashboard.Accepted));
        var tasks = dashboard.Total.Green + dashboard.Total.Yellow + dashboard.Total.Red;
        Assert.True(
            dashboard.OnTime <= dashboard.Reported && dashboard.Accepted <= dashboard.Reported
                && dashboard.Reported <= tasks,
            $"on time {dashboard.OnTime}, accepted {dashboard.Accepted}, reported {dashboard.Reported}, tasks {tasks}");

        using var document = WordprocessingDocument.Open(new MemoryStream(await BulletinAsync()), false);
        Assert.Contains(
            "已报送 2 项，其中按时报送 2 项、已审核 1 项",
            document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    private async Task SaveAsync(Guid task, string progress) => await app.Reports.SaveReportAsync(
        ReportRequests.Report(task, October, progress, SelfStatus.OnTrack), Reporter);

    private async Task<byte[]> BulletinAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/bulletin?period=" + October);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OfficeToken);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
