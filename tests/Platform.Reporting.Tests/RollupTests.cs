using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Rollups;
using static Platform.Reporting.Tests.ReportRequests;
using Domain = Platform.Reporting.Domain;

namespace Platform.Reporting.Tests;

/// <summary>
/// The districts' totals and the divisions' roll-ups against the lights they count, after random saves, submits,
/// returns and acceptances, a republished version, an extension, a closure and the clock's pass; and the comparison
/// view at every level of the division tree: a province sees its prefectures, drills into one and sees its counties,
/// and cannot open another province.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class RollupTests(ReportingApp app)
{
    // 成都市锦江区 and 青羊区 (under 成都市 510100), 自贡市自流井区 (510300), all in 四川省; 湖北省's 仙桃市, a county-level
    // city directly under its province.
    private static readonly string[] Districts = ["510104", "510105", "510302", "429004"];

    private static readonly string[] Months = ["2023-04", "2023-05", "2023-06", "2023-07"];

    private Supervision.SupervisionClient Supervision => new(app.Channel);

    private Dashboards.DashboardsClient Dashboards => new(app.Channel);

    [Fact]
    public async Task RollupsEqualTheLightsTheyCountAfterRandomChangesAtEveryLevel()
    {
        var random = new Random(2260);
        var lists = await PublishEveryDistrictAsync(random);
        await EveryReportOfOneMonthIsWrittenAtOnceAsync(lists["510105"]);
        await RandomWorkAsync(random, lists);
        lists["510104"] = await PublishACorrectedListAsync(random, lists["510104"]);
        await GrantAnExtensionAsync(lists["510105"][0]);
        await CloseATaskAndPassTheClockAsync(lists["429004"][0].TaskId);

        await using (var scope = SystemScope(out var db))
        {
            await scope.ServiceProvider.GetRequiredService<DivisionRollups>().RefreshAsync(CancellationToken.None);
            await AssertCountsMatchAsync(db);

            // A full recount finds nothing to change.
            Assert.Equal(
                0,
                await scope.ServiceProvider.GetRequiredService<DivisionRollups>().RebuildAsync(CancellationToken.None));
        }

        var sichuan = Viewer("510000");
        await TheProvinceComparesItsCitiesAndACityItsDistrictsAsync(sichuan);
        await NoViewerOpensAnotherProvinceOrAProvinceAboveItAsync(sichuan);
    }

    [Fact]
    public async Task AViewKeptByTheHostIsNeverOlderThanTheRollupPassAndANewDistrictShowsAtOnce()
    {
        // 贵阳市 (520100): 南明区 with a list; 贵州省's viewer reads the comparison of the city's districts.
        var bus = app.Services.GetRequiredService<IBus>();
        var random = new Random(520100);
        var tasks = Enumerable.Range(1, 3).Select(n => Task(random, n * 3)).ToList();
        await bus.Publish(new TenantProvisioned { TenantId = "520102", Name = "南明区", ParentId = "520000" });
        await bus.Publish(List("520102", 1, tasks));
        await PeriodsListedAsync("520102");
        await RefreshRollupsAsync();

        var viewer = Viewer("520000");
        var request = View("2023-06", "520100");
        var before = await Dashboards.GetMunicipalViewAsync(request, viewer);
        Assert.Equal(before, await Dashboards.GetMunicipalViewAsync(request, viewer));
        var reported = before.Districts.Single(d => d.TenantId == "520102").Reported;

        // A report handed in: once the roll-up pass has run, the view shows it — never the view kept from before.
        var lead = tasks[0].LeadUnits[0];
        var reporter = Reporter("520102", lead.UnitId);
        await app.Reports.SaveReportAsync(Report(tasks[0].TaskId, "2023-06", "进展", SelfStatus.OnTrack), reporter);
        await app.Reports.SubmitReportAsync(ActionOn(tasks[0].TaskId, "2023-06", lead.UnitId), reporter);
        await RefreshRollupsAsync();
        var after = await Dashboards.GetMunicipalViewAsync(request, viewer);
        Assert.Equal(reported + 1, after.Districts.Single(d => d.TenantId == "520102").Reported);

        // A district registered under the city is a new column at once, before it has any count.
        await bus.Publish(new TenantProvisioned { TenantId = "520103", Name = "云岩区", ParentId = "520000" });
        await Eventually.TrueAsync(async () =>
            (await Dashboards.GetMunicipalViewAsync(request, viewer)).Districts.Any(d => d.TenantId == "520103"));
    }

    [Fact]
    public void AKeptViewIsGivenOnlyUnderItsStampAndAsACopy()
    {
        using var cache = new Platform.Reporting.Views.DivisionViewCache();
        var view = new MunicipalView { Division = "510700", Period = "2023-06" };
        view.Districts.Add(new DistrictColumn { TenantId = "510703", Reported = 1 });
        cache.Keep("510700", "2023-06", (7, 1), view);
        view.Districts[0].Reported = 99;

        Assert.Null(cache.Find("510700", "2023-06", (8, 1)));
        Assert.Null(cache.Find("510700", "2023-06", (7, 2)));
        Assert.Null(cache.Find("510700", "2023-07", (7, 1)));
        var found = cache.Find("510700", "2023-06", (7, 1))!;
        Assert.Equal(1, found.Districts[0].Reported);
        found.Parent = "510000";
        Assert.Empty(cache.Find("510700", "2023-06", (7, 1))!.Parent);
    }

    // Steps of RollupsEqualTheLightsTheyCountAfterRandomChangesAtEveryLevel.

    /// <summary>Registers the districts and publishes a list of random tasks for each; returns the lists.</summary>
    private async Task<Dictionary<string, List<PublishedTask>>> PublishEveryDistrictAsync(Random random)
    {
        var bus = app.Services.GetRequiredService<IBus>();
        var lists = new Dictionary<string, List<PublishedTask>>();
        foreach (var district in Districts)
        {
            await bus.Publish(new TenantProvisioned
            {
                TenantId = district,
                Name = DivisionTree.Standard.Find(district)!.Name,
                ParentId = district[..2] + "0000",
            });
            lists[district] = Enumerable.Range(1, 6 + random.Next(5)).Select(n => Task(random, n)).ToList();
            await bus.Publish(List(district, 1, lists[district]));
        }

        foreach (var district in Districts)
        {
            await PeriodsListedAsync(district);
        }

        return lists;
    }

    /// <summary>
    /// Every report of one district's month written at once, each by its own reporter and the office: the commits of
    /// one month move the same rows concurrently, and none of their changes may be lost.
    /// </summary>
    private async Task EveryReportOfOneMonthIsWrittenAtOnceAsync(List<PublishedTask> tasks)
    {
        var busy = tasks.SelectMany(t => t.LeadUnits.Select(l => (Task: t, Lead: l))).ToList();
        await System.Threading.Tasks.Task.WhenAll(busy.Select(async (x, i) =>
        {
            var reporter = Reporter("510105", x.Lead.UnitId);
            var report = ActionOn(x.Task.TaskId, "2023-06", x.Lead.UnitId);
            for (var round = 0; round < 3; round++)
            {
                try
                {
                    await app.Reports.ReturnReportAsync(
                        new ReportActionRequest(report) { Comment = "请补充数据" },
                        Admin("510105"));
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
                {
                    // Not handed in (yet): nothing to return.
                }

                await SaveAndSubmitAsync(x.Task, "2023-06", $"第{round}轮", reporter);
            }

            if (i % 2 == 0)
            {
                await app.Reports.AcceptReportAsync(report, Admin("510105"));
            }
        }));
    }

    /// <summary>
    /// Random work: reporters save and submit, the office returns and accepts; refusals of a step that does not
    /// apply (accepting a draft) are part of the game and must be refusals, nothing else.
    /// </summary>
    private async Task RandomWorkAsync(Random random, Dictionary<string, List<PublishedTask>> lists)
    {
        for (var step = 0; step < 120; step++)
        {
            var district = Districts[random.Next(Districts.Length)];
            var task = lists[district][random.Next(lists[district].Count)];
            var lead = task.LeadUnits[random.Next(task.LeadUnits.Count)];
            var period = Months[random.Next(Months.Length)];
            var reporter = Reporter(district, lead.UnitId);
            var action = ActionOn(task.TaskId, period, lead.UnitId);
            try
            {
                switch (random.Next(4))
                {
                    case 0:
                        await app.Reports.SaveReportAsync(
                            Report(task.TaskId, period, "按计划推进", (SelfStatus)(1 + random.Next(4))),
                            reporter);
                        break;
                    case 1:
                        await SaveAndSubmitAsync(task, period, "已完成阶段任务", reporter);
                        break;
                    case 2:
                        action.Comment = "请补充数据";
                        await app.Reports.ReturnReportAsync(action, Admin(district));
                        break;
                    default:
                        await app.Reports.AcceptReportAsync(action, Admin(district));
                        break;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
            {
                // Returning or accepting a report that is not handed in.
            }
        }
    }

    /// <summary>A corrected version of 510104's list: a task dropped, one added, one's indicators changed.</summary>
    private async Task<List<PublishedTask>> PublishACorrectedListAsync(Random random, List<PublishedTask> tasks)
    {
        var corrected = tasks.Skip(1).Select(t => t with { TaskId = Guid.NewGuid() }).ToList();
        corrected[0] = corrected[0] with { Indicators = ["获得电力", "纳税"] };
        corrected.Add(Task(random, 99));
        await app.Services.GetRequiredService<IBus>().Publish(List("510104", 2, corrected));
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = SystemScope(out var db);
            return await db.Tasks.AnyAsync(t => t.TenantId == "510104" && t.ListVersion == 2);
        });
        return corrected;
    }

    private async Task GrantAnExtensionAsync(PublishedTask extended)
    {
        var asked = await Supervision.RequestExtensionAsync(
            new RequestExtensionRequest
            {
                TaskId = extended.TaskId.ToString(),
                RequestedDeadline = "2024-03-31",
                Reason = "设备到货延迟",
            },
            Reporter("510105", extended.LeadUnits[0].UnitId));
        await Supervision.DecideTaskRequestAsync(
            new DecideTaskRequestRequest { Id = asked.Id, Approve = true, Deadline = "2024-03-31" },
            Admin("510105"));
    }

    /// <summary>
    /// A task closed as an approved closure does (the close date, then the lights), then the clock's pass over the
    /// year, as every ten minutes.
    /// </summary>
    private async Task CloseATaskAndPassTheClockAsync(Guid taskId)
    {
        await using var scope = SystemScope(out var db);
        var closed = await db.Tasks.SingleAsync(t => t.Id == taskId);
        closed.ClosedOn = new DateOnly(2023, 5, 20);
        var lights = scope.ServiceProvider.GetRequiredService<Domain.LightProjector>();
        foreach (var period in await db.Periods.Where(p => p.TaskListId == closed.TaskListId).ToListAsync())
        {
            await lights.ProjectAsync([closed], period, CancellationToken.None);
        }

        await db.SaveChangesAsync();
        await lights.RefreshAsync(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), CancellationToken.None);
    }

    /// <summary>
    /// The province compares its prefecture-level cities, the city its districts; 仙桃 is under 湖北, not 四川.
    /// </summary>
    private async Task TheProvinceComparesItsCitiesAndACityItsDistrictsAsync(Metadata sichuan)
    {
        var province = await Dashboards.GetMunicipalViewAsync(View("2023-06"), sichuan);
        Assert.Equal(("四川省", "510000", ""), (province.Name, province.Division, province.Parent));
        Assert.Equal(["510100", "510300"], province.Districts.Select(d => d.TenantId));
        Assert.All(province.Districts, d => Assert.False(d.IsDistrict));
        Assert.Equal([2, 1], province.Districts.Select(d => d.Districts));
        Assert.Empty(province.Comparable);

        var chengdu = await Dashboards.GetMunicipalViewAsync(View("2023-06", "510100"), sichuan);
        Assert.Equal(("成都市", "510000", "四川省"), (chengdu.Name, chengdu.Parent, chengdu.ParentName));
        Assert.Equal(["510104", "510105"], chengdu.Districts.Select(d => d.TenantId));
        Assert.All(chengdu.Districts, d => Assert.True(d.IsDistrict));
        var city = province.Districts[0];
        var districts = chengdu.Districts;
        Assert.Equal(
            (city.Owed, city.Green, city.Yellow, city.Red, city.Reported, city.OnTime, city.Accepted),
            (districts.Sum(d => d.Owed), districts.Sum(d => d.Green), districts.Sum(d => d.Yellow),
                districts.Sum(d => d.Red), districts.Sum(d => d.Reported), districts.Sum(d => d.OnTime),
                districts.Sum(d => d.Accepted)));

        var hubei = await Dashboards.GetMunicipalViewAsync(View("2023-06"), Viewer("420000"));
        Assert.Equal(["429004"], hubei.Districts.Select(d => d.TenantId));
        Assert.True(hubei.Districts[0].IsDistrict);
    }

    private async Task NoViewerOpensAnotherProvinceOrAProvinceAboveItAsync(Metadata sichuan)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(
            () => Dashboards.GetMunicipalViewAsync(View("2023-06", "420000"), sichuan).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var upward = await Assert.ThrowsAsync<RpcException>(
            () => Dashboards.GetMunicipalViewAsync(View("2023-06", "510000"), Viewer("510100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, upward.StatusCode);
    }

    // Requests and the steps the scenarios share.

    private static GetMunicipalViewRequest View(string period, string? division = null)
    {
        var request = new GetMunicipalViewRequest { Period = period };
        if (division is not null)
        {
            request.Division = division;
        }

        return request;
    }

    private async Task SaveAndSubmitAsync(PublishedTask task, string period, string progress, Metadata reporter)
    {
        await app.Reports.SaveReportAsync(Report(task.TaskId, period, progress, SelfStatus.OnTrack), reporter);
        await app.Reports.SubmitReportAsync(
            new ReportActionRequest { TaskId = task.TaskId.ToString(), Period = period },
            reporter);
    }

    private Task PeriodsListedAsync(string district) =>
        Eventually.TrueAsync(async () =>
        {
            var periods = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, Admin(district));
            return periods.Periods.Count > 0;
        });

    /// <summary>
    /// Until every district month changed so far is recounted and stamped: with the roll-up's lock held no pass is half
    /// done, so no stale row left means the last pass (the background one or this one) has finished.
    /// </summary>
    private async Task RefreshRollupsAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using (var scope = SystemScope(out var db))
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({DivisionRollups.LockKey})");
                var stale = await db.TenantTotals.AnyAsync(t => t.Stale);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({DivisionRollups.LockKey})");
                if (!stale)
                {
                    return;
                }

                await scope.ServiceProvider.GetRequiredService<DivisionRollups>().RefreshAsync(CancellationToken.None);
            }
        }

        Assert.Fail("the roll-up pass never caught up");
    }

    /// <summary>
    /// Every district's and every division's row equals the same counts taken straight from the lights.
    /// </summary>
    private static async Task AssertCountsMatchAsync(ReportingDbContext db)
    {
        var lights = await db.Lights.AsNoTracking().ToListAsync();
        var totals = await db.TenantTotals.AsNoTracking().ToListAsync();
        var rollups = await db.Rollups.AsNoTracking().ToListAsync();
        Assert.NotEmpty(rollups);

        static (int Tasks, int Owed, int Green, int Yellow, int Red, int Overdue, int Due, int OnTime, int Reported,
            int Accepted) Count(IReadOnlyCollection<Domain.TaskLight> rows)
        {
            static bool Reported(Domain.TaskLight l) =>
                l.ReportStatus is Domain.ReportStatus.Submitted or Domain.ReportStatus.Accepted;
            return (
                rows.Select(l => l.TaskId).Distinct().Count(),
                rows.Count,
                rows.Count(l => l.Light == Domain.Light.Green),
                rows.Count(l => l.Light == Domain.Light.Yellow),
                rows.Count(l => l.Light == Domain.Light.Red),
                rows.Count(l => l.Overdue),
                rows.Count(l => l.ReportedOnTime is not null),
                rows.Count(l => Reported(l) && l.ReportedOnTime == true),
                rows.Count(Reported),
                rows.Count(l => l.ReportStatus == Domain.ReportStatus.Accepted));
        }

        static (int, int, int, int, int, int, int, int, int, int) Of(Domain.LightTotals t) =>
            (t.Tasks, t.Owed, t.Green, t.Yellow, t.Red, t.Overdue, t.Due, t.OnTime, t.Reported, t.Accepted);

        static IEnumerable<(string Dimension, string Key, List<Domain.TaskLight> Rows)> Groups(
            IEnumerable<Domain.TaskLight> rows,
            bool all)
        {
            var list = rows.ToList();
            yield return (Domain.TotalsDimension.Total, string.Empty, list);
            foreach (var g in list.SelectMany(l => l.Indicators.Select(i => (i, l))).GroupBy(x => x.i))
            {
                yield return (Domain.TotalsDimension.Indicator, g.Key, g.Select(x => x.l).ToList());
            }

            if (all)
            {
                foreach (var g in list.GroupBy(l => l.Category ?? string.Empty))
                {
                    yield return (Domain.TotalsDimension.Category, g.Key, g.ToList());
                }

                foreach (var g in list.GroupBy(l => l.LeadUnitId))
                {
                    yield return (Domain.TotalsDimension.Unit, g.Key.ToString(), g.ToList());
                }
            }
        }

        // The districts: one row per dimension and key that has lights, and the total row of every month counted.
        foreach (var month in lights.GroupBy(l => (l.TenantId, l.Period)))
        {
            var expected = Groups(month, all: true).ToDictionary(g => (g.Dimension, g.Key), g => Count(g.Rows));
            var actual = totals.Where(t => t.TenantId == month.Key.TenantId && t.Period == month.Key.Period)
                .ToDictionary(t => (t.Dimension, t.Key), Of);
            Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
        }

        Assert.All(totals, t =>
        {
            Assert.True(
                t.OnTime <= t.Reported && t.Reported <= t.Owed && t.Accepted <= t.Reported,
                $"{t.TenantId} {t.Period} {t.Dimension} {t.Key}");
            Assert.Equal(t.Owed, t.Green + t.Yellow + t.Red);
        });

        // The divisions: every division above a district with lights, summing what lies under it.
        var divisions = lights.Select(l => l.TenantId).Distinct().SelectMany(Ancestors).Distinct().ToList();
        foreach (var division in divisions)
        {
            var under = lights.Where(
                l => division == DivisionRollups.Country || Ancestors(l.TenantId).Contains(division));
            foreach (var month in under.GroupBy(l => l.Period))
            {
                var expected = Groups(month, all: false).ToDictionary(g => (g.Dimension, g.Key), g => Count(g.Rows));
                var actual = rollups.Where(r => r.TenantId == division && r.Period == month.Key)
                    .ToDictionary(r => (r.Dimension, r.Key), Of);
                Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
            }
        }

        Assert.All(rollups, r => Assert.True(
            r.OnTime <= r.Reported && r.Reported <= r.Owed && r.Districts >= 1,
            $"{r.TenantId} {r.Period} {r.Dimension} {r.Key}"));
    }

    private static IEnumerable<string> Ancestors(string code)
    {
        for (var c = code; c != DivisionRollups.Country;)
        {
            c = DivisionRollups.ParentOf(c);
            yield return c;
        }
    }

    private static PublishedTask Task(Random random, int number)
    {
        var leads = Enumerable.Range(0, 1 + (number % 4 == 0 ? 1 : 0))
            .Select(i => new AssignedUnit(Guid.NewGuid(), $"区部门{number}-{i}"))
            .ToList();
        return new PublishedTask
        {
            TaskId = Guid.NewGuid(),
            Number = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Category = $"类别{1 + number % 3}",
            Text = $"第{number}项任务", LeadUnits = leads,
            Indicators = CanonicalIndicators.Ndrc.OrderBy(_ => random.Next()).Take(random.Next(3)).ToList(),
        };
    }

    private static TaskListPublished List(string district, int version, IReadOnlyList<PublishedTask> tasks) =>
        PublishedLists.Of(district, version, new DateOnly(2023, 3, 20), [.. tasks]);

    private AsyncServiceScope SystemScope(out ReportingDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        // The scope is the platform's for its whole life: nothing to restore.
        _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        return scope;
    }

    private Metadata Admin(string district) =>
        ReportingApp.Bearer(app.Tokens.Issue(district, ["district-admin"], ["reports.read", "reports.write"]));

    private Metadata Reporter(string district, Guid unit) =>
        ReportingApp.Bearer(app.Tokens.Issue(
            district,
            ["unit-reporter"],
            ["reports.read", "reports.write"],
            unit: unit.ToString()));

    private Metadata Viewer(string division) => ReportingApp.Bearer(app.MunicipalViewer(division));
}
