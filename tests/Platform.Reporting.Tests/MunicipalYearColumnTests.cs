using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.MultiTenancy;

namespace Platform.Reporting.Tests;

/// <summary>
/// The municipal view's year column: per district, the share of the year's tasks accepted as 完成 and the on-time
/// rate of the year's monthly reports, current even when the rest of the view comes from the host's cache.
/// </summary>
[Collection(YearEndCollection.Name)]
public sealed class MunicipalYearColumnTests(YearEndApp app)
{
    private readonly string first = YearEndApp.NewDistrict();
    private readonly string second = YearEndApp.NewDistrict();
    private readonly Guid building = Guid.NewGuid();
    private readonly Guid entry = Guid.NewGuid();
    private readonly Guid secondTask = Guid.NewGuid();
    private readonly Guid unit = Guid.NewGuid();

    private Dashboards.DashboardsClient Dashboards => new(app.Channel);

    private Metadata Viewer =>
        YearEndApp.Bearer(app.Tokens.Issue("500000", ["municipal-viewer"], ["reports.read"]));

    [Fact]
    public async Task EachDistrictsYearShowsItsCompletionAndOnTimeRates()
    {
        var bus = app.Services.GetRequiredService<IBus>();
        await bus.Publish(new TenantProvisioned { TenantId = first, Name = "年终一区", ParentId = "500000" });
        await bus.Publish(new TenantProvisioned { TenantId = second, Name = "年终二区", ParentId = "500000" });
        await app.PublishAsync(first, Task(building, "1"), Task(entry, "2"));
        await app.PublishAsync(second, Task(secondTask, "1"));
        await RefreshLightsAsync();

        await AcceptedAsync(first, building, CompletionOutcome.Completed);
        // 基本完成 is not 完成: it does not count as completed.
        await AcceptedAsync(second, secondTask, CompletionOutcome.MostlyCompleted);
        var view = await DecemberAsync();
        var one = view.Districts.Single(d => d.TenantId == first);
        var two = view.Districts.Single(d => d.TenantId == second);
        Assert.Equal(2023, view.Year);
        Assert.Equal((2, 1, 0.5), (one.YearTasks, one.YearCompleted, one.YearCompletionRate));
        Assert.Equal((1, 0, 0d), (two.YearTasks, two.YearCompleted, two.YearCompletionRate));

        // The year's punctuality is every month's added up (nothing was handed in: each month is due, none on time).
        var due = 0;
        foreach (var month in new[] { "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12" })
        {
            var monthly = await Dashboards.GetMunicipalViewAsync(
                new GetMunicipalViewRequest { Period = month },
                Viewer);
            due += monthly.Districts.Single(d => d.TenantId == first).Due;
        }

        Assert.True(due > 0, "no month of the first district was judged for punctuality");
        Assert.Equal((due, 0, 0d), (one.YearDue, one.YearOnTime, one.YearOnTimeRate));

        // An accepted 完成 moves the rate at once, though the monthly part of the view is kept by the host.
        await AcceptedAsync(first, entry, CompletionOutcome.Completed);
        var after = (await DecemberAsync()).Districts.Single(d => d.TenantId == first);
        Assert.Equal((2, 1d), (after.YearCompleted, after.YearCompletionRate));
    }

    /// <summary>
    /// 兰州's districts, in a province no other test views: every reporting host of the test run consumes the same
    /// broker's events, so the roll-up tests' view of 四川 would also see a city published here.
    /// </summary>
    [Fact]
    public async Task AProvinceSeesEachCitysYearAddedUpFromItsDistricts()
    {
        var bus = app.Services.GetRequiredService<IBus>();
        await bus.Publish(new TenantProvisioned { TenantId = "620102", Name = "城关区", ParentId = "620100" });
        await bus.Publish(new TenantProvisioned { TenantId = "620103", Name = "七里河区", ParentId = "620100" });
        var chengguan = Guid.NewGuid();
        await app.PublishAsync("620102", Task(chengguan, "1"), Task(Guid.NewGuid(), "2"));
        await app.PublishAsync("620103", Task(Guid.NewGuid(), "1"));
        await AcceptedAsync("620102", chengguan, CompletionOutcome.Completed);
        await RefreshLightsAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
            await scope.ServiceProvider.GetRequiredService<Platform.Reporting.Rollups.DivisionRollups>()
                .RebuildAsync(CancellationToken.None);
        }

        var request = new GetMunicipalViewRequest { Period = "2023-12" };
        var province = await Dashboards.GetMunicipalViewAsync(
            request,
            YearEndApp.Bearer(app.Tokens.Issue("620000", ["municipal-viewer"], ["reports.read"])));
        var lanzhou = province.Districts.Single(d => d.TenantId == "620100");
        Assert.False(lanzhou.IsDistrict);
        Assert.Equal((3, 1), (lanzhou.YearTasks, lanzhou.YearCompleted));

        request.Division = "620100";
        var city = await Dashboards.GetMunicipalViewAsync(
            request,
            YearEndApp.Bearer(app.Tokens.Issue("620000", ["municipal-viewer"], ["reports.read"])));
        Assert.Equal(
            (lanzhou.YearDue, lanzhou.YearOnTime),
            (city.Districts.Sum(d => d.YearDue), city.Districts.Sum(d => d.YearOnTime)));
        Assert.True(lanzhou.YearDue > 0, "no month of 兰州's districts was judged for punctuality");
        Assert.Equal((1, 0.5), (city.Districts.Single(d => d.TenantId == "620102").YearCompleted,
            city.Districts.Single(d => d.TenantId == "620102").YearCompletionRate));
    }

    private Task<MunicipalView> DecemberAsync() =>
        Dashboards.GetMunicipalViewAsync(new GetMunicipalViewRequest { Period = "2023-12" }, Viewer).ResponseAsync;

    private async Task AcceptedAsync(string tenant, Guid task, CompletionOutcome outcome)
    {
        var admin = YearEndApp.Bearer(app.Admin(tenant));
        var reporter = YearEndApp.Bearer(app.Reporter(tenant, unit));
        var action = new CompletionActionRequest { TaskId = task.ToString(), Year = 2023 };
        await app.YearEnd.OpenCompletionAsync(new OpenCompletionRequest { Year = 2023, OpensOn = "2024-01-02" }, admin);
        await app.YearEnd.SaveCompletionReportAsync(
            new SaveCompletionReportRequest
            {
                TaskId = task.ToString(), Year = 2023, Outcome = outcome, Summary = "年度完成情况",
            },
            reporter);
        await app.YearEnd.SubmitCompletionReportAsync(action, reporter);
        await app.YearEnd.AcceptCompletionReportAsync(action, admin);
    }

    private async Task RefreshLightsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        await scope.ServiceProvider.GetRequiredService<Platform.Reporting.Domain.LightProjector>()
            .RefreshAsync(new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 10), CancellationToken.None);
    }

    private PublishedTask Task(Guid id, string number) => new()
    {
        TaskId = id, Number = number, Category = "市场准入", Text = $"年终任务{number}。",
        LeadUnits = [new AssignedUnit(unit, "区市场监管局")],
    };
}
