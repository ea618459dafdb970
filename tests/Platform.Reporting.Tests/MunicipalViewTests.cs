using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Tests;

/// <summary>
/// Two districts under one municipality: the municipal viewer sees them side by side per canonical indicator, with
/// coverage gaps, on-time rates and their comparable targets ranked; nobody else reads the view.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class MunicipalViewTests(ReportingApp app)
{
    private const string Second = "500197";

    [Fact]
    public async Task TheMunicipalViewerSeesDistrictsSideBySidePerIndicator()
    {
        await RegisterBothDistrictsAsync();
        await TheSecondDistrictHandsInDecemberOfItsBuildingTaskAsync();

        // The clock's pass over the whole year: several tasks of one lead unit, each keeps its own row. (The host's own
        // projections may write a light between the pass's read and its save; the pass then computes that month again.)
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<Platform.MultiTenancy.TenantContext>()
                .AsSystem("test set-up");
            var lights = scope.ServiceProvider.GetRequiredService<Platform.Reporting.Domain.LightProjector>();
            Assert.True(await lights.RefreshAsync(
                new DateOnly(2023, 1, 1),
                new DateOnly(2023, 12, 31),
                CancellationToken.None) >= 2);
        }

        var june = await JuneOfBothDistrictsAsync();
        // Other tests add districts of their own under the same municipality; these two are this test's.
        string[] mine = [Second, ReportingApp.Tenant];
        TheDistrictsStandSideBySideWithTheirGaps(june, mine);
        EachIndicatorIsARowAndItsTargetsAreRanked(june, mine);

        var december = await Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-12" },
            ReportingApp.Bearer(app.MunicipalViewer()));
        var secondDecember = december.Districts.Single(d => d.TenantId == Second);
        Assert.Equal(
            (1, 1, 1d, 0),
            (secondDecember.Due, secondDecember.OnTime, secondDecember.OnTimeRate, secondDecember.Overdue));
    }

    [Fact]
    public async Task NobodyButAMunicipalViewerOfTheParentReadsIt()
    {
        var request = new GetMunicipalViewRequest { Period = "2023-07" };
        string[] others = [app.Admin(), app.Leader(), app.Reporter(ReportingApp.ScjUnit), app.OtherDistrictAdmin()];
        foreach (var token in others)
        {
            var denied = await Assert.ThrowsAsync<RpcException>(
                () => Dashboards.GetMunicipalViewAsync(request, ReportingApp.Bearer(token)).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }

        // Another province's viewer sees its own divisions only (the roll-up tests add some), never 重庆's districts.
        var sichuan = await Dashboards.GetMunicipalViewAsync(
            request,
            ReportingApp.Bearer(app.MunicipalViewer("510000")));
        Assert.All(sichuan.Districts, d => Assert.StartsWith("51", d.TenantId, StringComparison.Ordinal));
        Assert.All(
            sichuan.Indicators,
            i => Assert.All(i.Cells, c => Assert.StartsWith("51", c.TenantId, StringComparison.Ordinal)));

        var bad = await Assert.ThrowsAsync<RpcException>(() => Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-13" },
            ReportingApp.Bearer(app.MunicipalViewer())).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);

        var write = await Assert.ThrowsAsync<RpcException>(() => app.Reports.SaveReportAsync(
            new SaveReportRequest { TaskId = app.TaskWithTarget.ToString(), Period = "2023-07", Progress = "x" },
            ReportingApp.Bearer(app.MunicipalViewer())).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
    }

    private Dashboards.DashboardsClient Dashboards => new(app.Channel);

    private async Task RegisterBothDistrictsAsync()
    {
        var bus = app.Services.GetRequiredService<IBus>();
        await bus.Publish(new TenantProvisioned { TenantId = ReportingApp.Tenant, Name = "测试一区", ParentId = "500000" });
        await bus.Publish(new TenantProvisioned { TenantId = Second, Name = "测试二区", ParentId = "500000" });
    }

    /// <summary>
    /// The second district's list: a building-permit task with a target of 40 working days, and a business-entry
    /// task, both led by one unit, whose reporter submits December of the first.
    /// </summary>
    private async Task TheSecondDistrictHandsInDecemberOfItsBuildingTaskAsync()
    {
        var building = Guid.NewGuid();
        var reporter = Guid.NewGuid();
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            Second,
            1,
            new DateOnly(2023, 6, 1),
            new PublishedTask
            {
                TaskId = building,
                Number = "3",
                Category = "办理建筑许可",
                Text = "审批时限由50个工作日压减至40个工作日。",
                LeadUnits = [new AssignedUnit(reporter, "区住房城乡建委")],
                Indicators = ["办理建筑许可"],
                Targets = [new PublishedTarget
                {
                    Text = "由50个工作日压减至40个工作日",
                    Baseline = 50,
                    Value = 40,
                    Unit = "个工作日",
                    Direction = "Decrease",
                }],
            },
            new PublishedTask
            {
                TaskId = Guid.NewGuid(),
                Number = "1",
                Category = "开办企业",
                Text = "企业开办全程网办。",
                LeadUnits = [new AssignedUnit(reporter, "区住房城乡建委")],
                Indicators = ["开办企业"],
            }));

        var second = ReportingApp.Bearer(app.Tokens.Issue(
            Second,
            ["unit-reporter"],
            ["reports.read", "reports.write"],
            unit: reporter.ToString()));
        await Eventually.TrueAsync(async () =>
        {
            var periods = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, second);
            return periods.Periods.Count > 0;
        });
        await app.Reports.SaveReportAsync(
            new SaveReportRequest
            {
                TaskId = building.ToString(),
                Period = "2023-12",
                Progress = "提前完成",
                SelfStatus = SelfStatus.OnTrack,
            },
            second);
        await app.Reports.SubmitReportAsync(
            new ReportActionRequest { TaskId = building.ToString(), Period = "2023-12" },
            second);
    }

    /// <summary>June as the municipal viewer reads it, once both districts show in it.</summary>
    private async Task<MunicipalView> JuneOfBothDistrictsAsync()
    {
        var viewer = ReportingApp.Bearer(app.MunicipalViewer());
        MunicipalView june = null!;
        await Eventually.TrueAsync(async () =>
        {
            june = await Dashboards.GetMunicipalViewAsync(new GetMunicipalViewRequest { Period = "2023-06" }, viewer);
            return june.Districts.Count(d => d.Name.StartsWith("测试", StringComparison.Ordinal)) == 2;
        });
        return june;
    }

    private static void TheDistrictsStandSideBySideWithTheirGaps(MunicipalView june, string[] mine)
    {
        Assert.Equal(mine, june.Districts.Select(d => d.TenantId).Where(mine.Contains));
        var secondJune = june.Districts.Single(d => d.TenantId == Second);
        Assert.Equal(
            ("测试二区", 2, 2, 0, 2),
            (secondJune.Name, secondJune.Tasks, secondJune.Due, secondJune.OnTime, secondJune.Overdue));
        Assert.Contains("获得电力", secondJune.Uncovered);
        Assert.DoesNotContain("开办企业", secondJune.Uncovered);
        Assert.Contains("开办企业", june.Districts.Single(d => d.TenantId == ReportingApp.Tenant).Uncovered);
    }

    private static void EachIndicatorIsARowAndItsTargetsAreRanked(MunicipalView june, string[] mine)
    {
        var buildingRow = june.Indicators.Single(i => i.Indicator == "办理建筑许可");
        Assert.Equal(june.Districts.Select(d => d.TenantId), buildingRow.Cells.Select(c => c.TenantId));
        Assert.All(buildingRow.Cells.Where(c => mine.Contains(c.TenantId)), c => Assert.Equal(1, c.Tasks));
        var entryRow = june.Indicators.Single(i => i.Indicator == "开办企业");
        Assert.Equal([1, 0], entryRow.Cells.Where(c => mine.Contains(c.TenantId)).Select(c => c.Tasks));

        var limits = june.Comparable.Single(c => c.Indicator == "办理建筑许可" && c.Unit == "个工作日");
        Assert.True(limits.LowerIsBetter);
        Assert.Equal(
            [(Second, 40d, 1), (ReportingApp.Tenant, 45d, 2)],
            limits.Cells.Select(c => (c.TenantId, c.Value, c.Rank)).Where(c => mine.Contains(c.TenantId)));
        Assert.Equal(50d, limits.Cells[0].Baseline);
    }
}
