using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Testing;

namespace Platform.Reporting.Tests;

/// <summary>
/// The reporting host on a real database and broker: a published list arrives as an event, then a month's report goes
/// through its workflow while the clock is moved; other districts and the wrong roles are refused.
/// </summary>
public sealed class ReportingApp : IAsyncLifetime
{
    public const string Tenant = "500199";
    public static readonly Guid ScjUnit = Guid.NewGuid();
    public static readonly Guid OtherUnit = Guid.NewGuid();

    private readonly InfrastructureFixture infrastructure = new();
    private WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext> host = null!;
    private GrpcChannel channel = null!;

    public TestTokens Tokens { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 7, 20, 1, 0, 0, TimeSpan.Zero));

    public Guid TaskWithTarget { get; } = Guid.NewGuid();

    public Guid UnreportedTask { get; } = Guid.NewGuid();

    public Reports.ReportsClient Reports => new(channel);

    public GrpcChannel Channel => channel;

    public IServiceProvider Services => host.Services;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync("reporting_test");
        host = new WebApplicationFactory<Platform.Reporting.Data.ReportingDbContext>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Database", database.AppConnectionString);
            b.UseSetting("ConnectionStrings:DatabaseOwner", database.OwnerConnectionString);
            b.UseSetting(TestDatabase.ContextKeySetting, database.ContextKey);
            b.UseSetting("ConnectionStrings:RabbitMq", infrastructure.RabbitMq.ConnectionString);
            b.UseSetting("Identity:SigningKeyFile", Tokens.KeyFile);
            b.UseSetting("Messaging:EndpointPrefix", "reporting-test-" + Guid.NewGuid().ToString("N")[..8]);
            b.UseSetting("Reporting:GraceDays", "5");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        channel = GrpcChannel.ForAddress(
            host.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        Http = host.CreateClient();
        await host.Services
            .GetRequiredService<IBusControl>()
            .WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(PublishedLists.Of(
            Tenant,
            1,
            new DateOnly(2023, 6, 28),
            new PublishedTask
            {
                TaskId = TaskWithTarget, Number = "9", Category = "工程建设项目审批", Text = "建筑许可全流程办理时限由50个工作日压减至45个工作日。",
                LeadUnits = [new AssignedUnit(ScjUnit, "区市场监管局")],
                Targets = [new PublishedTarget
                {
                    Text = "由50个工作日压减至45个工作日",
                    Baseline = 50,
                    Value = 45,
                    Unit = "个工作日",
                    Direction = "Decrease",
                }],
                Indicators = ["办理建筑许可"],
            },
            new PublishedTask
            {
                TaskId = UnreportedTask, Number = "10", Category = "工程建设项目审批", Text = "推行联合验收。",
                LeadUnits = [new AssignedUnit(OtherUnit, "区住房城市建委")],
            }));

        await Eventually.TrueAsync(
            async () => (await Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, Bearer(Admin())))
                .Periods.Count > 0,
            "the published list never reached the reporting projection");
    }

    public string Admin() => Tokens.Issue(Tenant, ["district-admin"], ["reports.read", "reports.write"]);

    public string Reporter(Guid unit) =>
        Tokens.Issue(Tenant, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString());

    public string Leader() => Tokens.Issue(Tenant, ["district-leader"], ["reports.read"]);

    public string MunicipalViewer(string municipality = "500000") =>
        Tokens.Issue(municipality, ["municipal-viewer"], ["reports.read"]);

    public string OtherDistrictAdmin() => Tokens.Issue("500198", ["district-admin"], ["reports.read", "reports.write"]);

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await host.DisposeAsync();
        await infrastructure.DisposeAsync();
        Tokens.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ReportingCollection : ICollectionFixture<ReportingApp>
{
    public const string Name = "reporting";
}

[Collection(ReportingCollection.Name)]
public sealed class ReportWorkflowTests(ReportingApp app)
{
    private const string July = "2023-07";

    private string TargetTask => app.TaskWithTarget.ToString();

    private Metadata Scj => ReportingApp.Bearer(app.Reporter(ReportingApp.ScjUnit));

    private Metadata Admin => ReportingApp.Bearer(app.Admin());

    private Dashboards.DashboardsClient Dashboards => new(app.Channel);

    [Fact]
    public async Task AReportIsSubmittedReturnedResubmittedAndAcceptedWithItsAuditTrail()
    {
        var periods = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, Admin);
        Assert.Equal(
            ["2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12"],
            periods.Periods.Select(p => p.Key));
        Assert.Equal("2023-07-31", periods.Periods[1].DueOn);

        await TheLeadUnitWritesAndSubmitsJulyAsync();
        await AReturnedReportIsNoLongerHandedInAsync();
        await ResubmittedItIsAcceptedOnlyOnceAsync();

        var audit = await app.Reports.GetAuditTrailAsync(new GetAuditTrailRequest { TaskId = TargetTask }, Admin);
        var july = audit.Entries.Where(e => e.Period == July).ToList();
        Assert.Equal(["saved", "submitted", "returned", "saved", "submitted", "accepted"], july.Select(e => e.Action));
        Assert.Contains("Returned", july[2].After);
        Assert.Contains("Submitted", july[2].Before);
        Assert.Equal(
            [nameof(ReportSubmitted), nameof(ReportReturned), nameof(ReportSubmitted), nameof(ReportAccepted)],
            await JulysEventsOfAsync(TargetTask));

        // August starts from July's report.
        var august = await app.Reports.GetReportAsync(ReportOf("2023-08"), Scj);
        Assert.False(august.Exists);
        Assert.Equal("已完成流程梳理，办理时限47个工作日", august.Progress);
    }

    [Fact]
    public async Task AnUnreportedTaskTurnsYellowThenRedAsTheClockPassesTheDueDateAndTheGrace()
    {
        var request = new GetReportRequest { TaskId = app.UnreportedTask.ToString(), Period = July };
        // Only this test moves the shared clock (it cannot go back), from 20 July onwards.
        Assert.Equal(Light.Green, (await app.Reports.GetReportAsync(request, Admin)).Light);
        app.Clock.SetUtcNow(new DateTimeOffset(2023, 8, 2, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(Light.Yellow, (await app.Reports.GetReportAsync(request, Admin)).Light);
        app.Clock.SetUtcNow(new DateTimeOffset(2023, 8, 7, 1, 0, 0, TimeSpan.Zero));
        var red = await app.Reports.GetReportAsync(request, Admin);
        Assert.Equal(Light.Red, red.Light);
        Assert.Contains(red.LightReasons, r => r.Contains("逾期"));
        var late = await app.Reports.ListReportsAsync(new ListReportsRequest { Period = July }, Admin);
        Assert.Contains(late.Reports, r => r.TaskId == request.TaskId && r.Light == Light.Red);

        // The clock job brings the dashboard's projection up to date: the unit appears among the late units.
        var dashboard = await DashboardAfterTheGraceAsync();
        Assert.Contains(dashboard.LateUnits, u => u.Name == "区住房城市建委" && u.Overdue == 1);
        Assert.Contains(dashboard.Lagging, t => t.Number == "10" && t.Light == Light.Red);
        Assert.Equal(2, dashboard.Total.Green + dashboard.Total.Yellow + dashboard.Total.Red);
        Assert.Equal("工程建设项目审批", Assert.Single(dashboard.ByCategory).Name);
        Assert.Contains(dashboard.Trend, t => t.Key == "2023-06");
    }

    [Fact]
    public async Task EveryMethodRefusesAnotherDistrictAndTheWrongRole()
    {
        var jb = ReportingApp.Bearer(app.OtherDistrictAdmin());
        await EachIsRefusedAsync(
            StatusCode.NotFound,
            () => app.Reports.GetReportAsync(ReportOf("2023-09"), jb).ResponseAsync,
            () => app.Reports.SaveReportAsync(Report("x", "2023-09"), jb).ResponseAsync,
            () => app.Reports.SubmitReportAsync(Action("2023-09"), jb).ResponseAsync,
            () => app.Reports.ReturnReportAsync(Action("2023-09", "x"), jb).ResponseAsync,
            () => app.Reports.AcceptReportAsync(Action("2023-09"), jb).ResponseAsync,
            () => app.Reports.GetAuditTrailAsync(new GetAuditTrailRequest { TaskId = TargetTask }, jb).ResponseAsync);
        Assert.Empty((await app.Reports.ListReportsAsync(new ListReportsRequest { Period = "2023-09" }, jb)).Reports);
        var jbDashboard = await Dashboards.GetDistrictDashboardAsync(
            new GetDistrictDashboardRequest { Period = "2023-09" },
            jb);
        Assert.Equal(0, jbDashboard.Total.Green + jbDashboard.Total.Yellow + jbDashboard.Total.Red);

        var other = ReportingApp.Bearer(app.Reporter(ReportingApp.OtherUnit));
        var leader = ReportingApp.Bearer(app.Leader());
        await app.Reports.SaveReportAsync(Report("进展", "2023-09", SelfStatus.AtRisk), Scj);
        await EachIsRefusedAsync(
            StatusCode.PermissionDenied,
            () => app.Reports.SaveReportAsync(Report("冒名", "2023-09"), other).ResponseAsync,
            () => app.Reports.SubmitReportAsync(Action("2023-09"), leader).ResponseAsync,
            () => app.Reports.AcceptReportAsync(Action("2023-09"), Scj).ResponseAsync,
            () => app.Reports.ReturnReportAsync(Action("2023-09", "x"), leader).ResponseAsync);

        await EachIsRefusedAsync(
            StatusCode.InvalidArgument,
            () => app.Reports.GetReportAsync(ReportOf("2023-13"), Scj).ResponseAsync,
            () => app.Reports.GetReportAsync(ReportOf("2023-03"), Scj).ResponseAsync);
    }

    private async Task TheLeadUnitWritesAndSubmitsJulyAsync()
    {
        Assert.False((await app.Reports.GetReportAsync(ReportOf(), Scj)).Exists);
        var draft = Report("已完成流程梳理", selfStatus: SelfStatus.OnTrack);
        draft.Problems = "部门协同不足";
        draft.Effects = "时限压减至47个工作日";
        draft.Actuals.Add(new TargetActual { Target = 0, Actual = 47 });
        var saved = await app.Reports.SaveReportAsync(draft, Scj);
        Assert.Equal(ReportStatus.Draft, saved.Status);
        Assert.Equal(ReportStatus.Submitted, (await app.Reports.SubmitReportAsync(Action(), Scj)).Status);
    }

    /// <summary>
    /// A returned report is no longer handed in: it leaves "reported" and, being part of it, "on time" too
    /// (on time ≤ reported ≤ tasks, whatever the reports' states).
    /// </summary>
    private async Task AReturnedReportIsNoLongerHandedInAsync()
    {
        var submittedView = await JulyDashboardAsync();
        var returned = await app.Reports.ReturnReportAsync(Action(comment: "请补充具体数据"), Admin);
        Assert.Equal(ReportStatus.Returned, returned.Status);

        var returnedView = await JulyDashboardAsync();
        Assert.Equal(
            (submittedView.Reported - 1, submittedView.OnTime - 1),
            (returnedView.Reported, returnedView.OnTime));
        foreach (var view in new[] { submittedView, returnedView })
        {
            var tasks = view.Total.Green + view.Total.Yellow + view.Total.Red;
            Assert.True(
                view.OnTime <= view.Reported && view.Reported <= tasks && view.Accepted <= view.Reported,
                $"on time {view.OnTime}, reported {view.Reported}, accepted {view.Accepted}, tasks {tasks}");
        }

        Assert.Equal("请补充具体数据", returned.ReturnComment);
    }

    private async Task ResubmittedItIsAcceptedOnlyOnceAsync()
    {
        var corrected = Report("已完成流程梳理，办理时限47个工作日", selfStatus: SelfStatus.OnTrack);
        corrected.Actuals.Add(new TargetActual { Target = 0, Actual = 47 });
        await app.Reports.SaveReportAsync(corrected, Scj);
        await app.Reports.SubmitReportAsync(Action(), Scj);
        var accepted = await app.Reports.AcceptReportAsync(Action(), Admin);
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        Assert.Equal(47, accepted.Actuals[0].Actual);

        var again = await Assert.ThrowsAsync<RpcException>(
            () => app.Reports.AcceptReportAsync(Action(), Admin).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("accepted", again.Status.Detail);
    }

    /// <summary>July's dashboard once the clock job's pass after the grace shows task 10 red (or after 20 s).</summary>
    private async Task<DistrictDashboard> DashboardAfterTheGraceAsync()
    {
        DistrictDashboard? dashboard = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            dashboard = await JulyDashboardAsync();
            // The clock job may still be on its pass for 2 August (yellow); wait for the pass after the grace.
            if (dashboard.Lagging.Any(t => t.Number == "10" && t.Light == Light.Red))
            {
                break;
            }

            await Task.Delay(200);
        }

        return dashboard!;
    }

    private Task<DistrictDashboard> JulyDashboardAsync() =>
        Dashboards.GetDistrictDashboardAsync(new GetDistrictDashboardRequest { Period = July }, Admin).ResponseAsync;

    private GetReportRequest ReportOf(string period = July) => ReportRequests.ReportOf(app.TaskWithTarget, period);

    private SaveReportRequest Report(string progress, string period = July, SelfStatus? selfStatus = null) =>
        ReportRequests.Report(app.TaskWithTarget, period, progress, selfStatus);

    private ReportActionRequest Action(string period = July, string? comment = null) =>
        ReportRequests.ActionOn(app.TaskWithTarget, period, comment: comment);

    /// <summary>The events the outbox holds for a task's July reports, oldest first, by the type they travel under.</summary>
    private async Task<List<string>> JulysEventsOfAsync(string taskId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var rows = await scope.ServiceProvider.GetRequiredService<ReportingDbContext>()
            .Set<Platform.Messaging.OutboxMessage>()
            .Where(m => m.MessageType.StartsWith("Platform.Contracts.Events.Report"))
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .Select(m => new { m.MessageType, m.Body })
            .ToListAsync();
        var types = rows
            .Where(m => m.Body.Contains(taskId, StringComparison.Ordinal) && m.Body.Contains(July, StringComparison.Ordinal))
            .Select(m => m.MessageType);
        return types.Select(t => t[..t.IndexOf(',', StringComparison.Ordinal)].Split('.')[^1]).ToList();
    }

    private static async Task EachIsRefusedAsync(StatusCode expected, params Func<Task>[] calls)
    {
        foreach (var call in calls)
        {
            Assert.Equal(expected, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }
    }
}
