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
            await Eventually(async () => (await app.Reports.ListPeriodsAsync(
                new ListPeriodsRequest { Year = 2023 },
                Admin(district))).Periods.Count > 0);
        }

        // Every report of one district's month written at once, each by its own reporter and the office: the commits of
        // one month move the same rows concurrently, and none of their changes may be lost.
        var busy = lists["510105"].SelectMany(t => t.LeadUnits.Select(l => (Task: t, Lead: l))).ToList();
        await System.Threading.Tasks.Task.WhenAll(busy.Select(async (x, i) =>
        {
            var reporter = Reporter("510105", x.Lead.UnitId);
            var report = new ReportActionRequest
            {
                TaskId = x.Task.TaskId.ToString(),
                Period = "2023-06",
                LeadUnitId = x.Lead.UnitId.ToString(),
            };
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

                await app.Reports.SaveReportAsync(new SaveReportRequest
                {
                    TaskId = x.Task.TaskId.ToString(),
                    Period = "2023-06",
                    Progress = $"第{round}轮",
                    SelfStatus = SelfStatus.OnTrack,
                }, reporter);
                await app.Reports.SubmitReportAsync(
                    new ReportActionRequest { TaskId = x.Task.TaskId.ToString(), Period = "2023-06" },
                    reporter);
            }

            if (i % 2 == 0)
            {
                await app.Reports.AcceptReportAsync(report, Admin("510105"));
            }
        }));

        // Random work: reporters save and submit, the office returns and accepts; refusals of a step that does not
        // apply (accepting a draft) are part of the game and must be refusals, nothing else.
        for (var step = 0; step < 120; step++)
        {
            var district = Districts[random.Next(Districts.Length)];
            var task = lists[district][random.Next(lists[district].Count)];
            var lead = task.LeadUnits[random.Next(task.LeadUnits.Count)];
            var period = Months[random.Next(Months.Length)];
            var reporter = Reporter(district, lead.UnitId);
            var action = new ReportActionRequest
            {
                TaskId = task.TaskId.ToString(),
                Period = period,
                LeadUnitId = lead.UnitId.ToString(),
            };
            try
            {
                switch (random.Next(4))
                {
                    case 0:
                        await app.Reports.SaveReportAsync(new SaveReportRequest
                        {
                            TaskId = task.TaskId.ToString(), Period = period, Progress = "按计划推进",
                            SelfStatus = (SelfStatus)(1 + random.Next(4)),
                        }, reporter);
                        break;
                    case 1:
                        await app.Reports.SaveReportAsync(
                            new SaveReportRequest
                            {
                                TaskId = task.TaskId.ToString(),
                                Period = period,
                                Progress = "已完成阶段任务",
                                SelfStatus = SelfStatus.OnTrack,
                            },
                            reporter);
                        await app.Reports.SubmitReportAsync(
                            new ReportActionRequest { TaskId = task.TaskId.ToString(), Period = period },
                            reporter);
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

        // A corrected version of one list: a task dropped, one added, another's indicators changed.
        var corrected = lists["510104"].Skip(1).Select(t => t with { TaskId = Guid.NewGuid() }).ToList();
        corrected[0] = corrected[0] with { Indicators = ["获得电力", "纳税"] };
        corrected.Add(Task(random, 99));
        await bus.Publish(List("510104", 2, corrected));
        await Eventually(async () =>
        {
            await using var scope = SystemScope(out var db);
            return await db.Tasks.AnyAsync(t => t.TenantId == "510104" && t.ListVersion == 2);
        });
        lists["510104"] = corrected;

        // An extension asked and granted, and a task closed (as an approved closure does: the close date, then the
        // lights).
        var extended = lists["510105"][0];
        var asked = await Supervision.RequestExtensionAsync(new RequestExtensionRequest
        {
            TaskId = extended.TaskId.ToString(), RequestedDeadline = "2024-03-31", Reason = "设备到货延迟",
        }, Reporter("510105", extended.LeadUnits[0].UnitId));
        await Supervision.DecideTaskRequestAsync(
            new DecideTaskRequestRequest { Id = asked.Id, Approve = true, Deadline = "2024-03-31" },
            Admin("510105"));
        await using (var scope = SystemScope(out var db))
        {
            var closed = await db.Tasks.SingleAsync(t => t.Id == lists["429004"][0].TaskId);
            closed.ClosedOn = new DateOnly(2023, 5, 20);
            var lights = scope.ServiceProvider.GetRequiredService<Domain.LightProjector>();
            foreach (var period in await db.Periods.Where(p => p.TaskListId == closed.TaskListId).ToListAsync())
            {
                await lights.ProjectAsync([closed], period, CancellationToken.None);
            }

            await db.SaveChangesAsync();
            // The clock's pass over the year, as every ten minutes.
            await lights.RefreshAsync(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), CancellationToken.None);
        }

        await using (var scope = SystemScope(out var db))
        {
            await scope.ServiceProvider.GetRequiredService<DivisionRollups>().RefreshAsync(CancellationToken.None);
            await AssertCountsMatchAsync(db);

            // A full recount finds nothing to change.
            Assert.Equal(
                0,
                await scope.ServiceProvider.GetRequiredService<DivisionRollups>().RebuildAsync(CancellationToken.None));
        }

        // The province compares its prefecture-level cities, the city its districts; 仙桃 is under 湖北, not 四川.
        var sichuan = Viewer("510000");
        var province = await Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-06" },
            sichuan);
        Assert.Equal(("四川省", "510000", ""), (province.Name, province.Division, province.Parent));
        Assert.Equal(["510100", "510300"], province.Districts.Select(d => d.TenantId));
        Assert.All(province.Districts, d => Assert.False(d.IsDistrict));
        Assert.Equal([2, 1], province.Districts.Select(d => d.Districts));
        Assert.Empty(province.Comparable);

        var chengdu = await Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-06", Division = "510100" },
            sichuan);
        Assert.Equal(("成都市", "510000", "四川省"), (chengdu.Name, chengdu.Parent, chengdu.ParentName));
        Assert.Equal(["510104", "510105"], chengdu.Districts.Select(d => d.TenantId));
        Assert.All(chengdu.Districts, d => Assert.True(d.IsDistrict));
        var city = province.Districts[0];
        Assert.Equal(
            (city.Owed, city.Green, city.Yellow, city.Red, city.Reported, city.OnTime, city.Accepted),
            (chengdu.Districts
                .Sum(d => d.Owed), chengdu.Districts
                .Sum(d => d.Green), chengdu.Districts
                .Sum(d => d.Yellow), chengdu.Districts
                .Sum(d => d.Red),
             chengdu.Districts.Sum(d => d.Reported),
             chengdu.Districts.Sum(d => d.OnTime),
             chengdu.Districts.Sum(d => d.Accepted)));

        var hubei = await Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-06" },
            Viewer("420000"));
        Assert.Equal(["429004"], hubei.Districts.Select(d => d.TenantId));
        Assert.True(hubei.Districts[0].IsDistrict);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-06", Division = "420000" }, sichuan).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var upward = await Assert.ThrowsAsync<RpcException>(() => Dashboards.GetMunicipalViewAsync(
            new GetMunicipalViewRequest { Period = "2023-06", Division = "510000" }, Viewer("510100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, upward.StatusCode);
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
        await Eventually(async () => (await app.Reports.ListPeriodsAsync(
            new ListPeriodsRequest { Year = 2023 },
            Admin("520102"))).Periods.Count > 0);
        await RefreshRollupsAsync();

        var viewer = Viewer("520000");
        var request = new GetMunicipalViewRequest { Period = "2023-06", Division = "520100" };
        var before = await Dashboards.GetMunicipalViewAsync(request, viewer);
        Assert.Equal(before, await Dashboards.GetMunicipalViewAsync(request, viewer));
        var reported = before.Districts.Single(d => d.TenantId == "520102").Reported;

        // A report handed in: once the roll-up pass has run, the view shows it — never the view kept from before.
        var lead = tasks[0].LeadUnits[0].UnitId;
        var report = new ReportActionRequest
        {
            TaskId = tasks[0].TaskId.ToString(),
            Period = "2023-06",
            LeadUnitId = lead.ToString(),
        };
        await app.Reports.SaveReportAsync(new SaveReportRequest
        {
            TaskId = report.TaskId, Period = report.Period, Progress = "进展", SelfStatus = SelfStatus.OnTrack,
        }, Reporter("520102", lead));
        await app.Reports.SubmitReportAsync(report, Reporter("520102", lead));
        await RefreshRollupsAsync();
        var after = await Dashboards.GetMunicipalViewAsync(request, viewer);
        Assert.Equal(reported + 1, after.Districts.Single(d => d.TenantId == "520102").Reported);

        // A district registered under the city is a new column at once, before it has any count.
        await bus.Publish(new TenantProvisioned { TenantId = "520103", Name = "云岩区", ParentId = "520000" });
        await Eventually(async () => (await Dashboards.GetMunicipalViewAsync(
            request,
            viewer)).Districts.Any(d => d.TenantId == "520103"));
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

        static (
            int Tasks,
            int Owed,
            int Green,
            int Yellow,
            int Red,
            int Overdue,
            int Due,
            int OnTime,
            int Reported,
            int Accepted) Count(IReadOnlyCollection<Domain.TaskLight> rows)
        {
            static bool Reported(Domain.TaskLight l) =>
                l.ReportStatus is Domain.ReportStatus.Submitted or Domain.ReportStatus.Accepted;
            return (rows.Select(l => l.TaskId)
                .Distinct()
                .Count(), rows.Count, rows
                .Count(l => l.Light == Domain.Light.Green),
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

        static IEnumerable<(
            string Dimension,
            string Key,
            List<Domain.TaskLight> Rows)> Groups(IEnumerable<Domain.TaskLight> rows, bool all)
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
            foreach (var month in lights.Where(l => division == DivisionRollups.Country
                || Ancestors(l.TenantId).Contains(division))
                .GroupBy(l => l.Period))
            {
                var expected = Groups(month, all: false).ToDictionary(g => (g.Dimension, g.Key), g => Count(g.Rows));
                var actual = rollups.Where(r => r.TenantId == division && r.Period == month.Key)
                    .ToDictionary(r => (r.Dimension, r.Key), Of);
                Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
            }
        }

        Assert.All(
            rollups,
            r =>
                Assert.True(
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

    private static TaskListPublished List(string district, int version, IReadOnlyList<PublishedTask> tasks) => new()
    {
        TenantId = district,
        TaskListId = Guid.NewGuid(),
        Year = 2023,
        Version = version,
        IssuedOn = new DateOnly(2023, 3, 20),
        Tasks = [.. tasks],
    };

    private AsyncServiceScope SystemScope(out ReportingDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem();
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

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the projection never caught up");
            await System.Threading.Tasks.Task.Delay(200);
        }
    }
}
