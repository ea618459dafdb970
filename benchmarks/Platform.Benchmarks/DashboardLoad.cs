extern alias reporting;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Testing;
using reporting::Platform.Reporting.Data;
using reporting::Platform.Reporting.Domain;
using reporting::Platform.Reporting.Views;

namespace Platform.Benchmarks;

/// <summary>
/// A load harness for the dashboards: fills a fresh database with districts × tasks × months of reports and their
/// lights, then times the municipal view and a district dashboard as served (from the projections, through row-level
/// security as the application's role) against the same figures computed from the raw reports.
/// Run: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- dashboards [--districts 38] [--tasks 300]
/// [--months 12] [--runs 30] (PostgreSQL from DUBAN_TEST_POSTGRES, as for the tests).
/// </summary>
public static class DashboardLoad
{
    /// <summary>The harness signs its tenant contexts like a service does; the key goes into each database it migrates.</summary>
    internal static readonly TenantContextKey Key = new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    private const string Municipality = "500000";
    private const int Year = 2023;

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) => HarnessOptions.Number(args, name, fallback);
        var districts = Option("--districts", 38);
        var tasksPerDistrict = Option("--tasks", 300);
        var months = Option("--months", 12);
        var runs = Option("--runs", 30);

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("bench");
        try
        {
            return await RunAsync(database, districts, tasksPerDistrict, months, runs);
        }
        finally
        {
            await DropAsync(postgres, database);
            await postgres.DisposeAsync();
        }
    }

    private static async Task<int> RunAsync(TestDatabase database, int districts, int tasksPerDistrict, int months, int runs)
    {
        var period = $"{Year}-{Math.Min(months, 7):D2}";
        var system = new TenantContext();
        using var platform = system.AsSystem("benchmark set-up");
        await using (var owner = Context(database.OwnerConnectionString, system))
        {
            await owner.Database.MigrateAsync();
            await Key.StoreAsync(owner.Database.GetDbConnection());
            await Grant(database.OwnerConnectionString);
        }

        var load = Stopwatch.StartNew();
        var rows = await LoadAsync(database.OwnerConnectionString, system, districts, tasksPerDistrict, months);
        Console.WriteLine($"Loaded {districts} districts × {tasksPerDistrict} tasks × {months} months: {rows:N0} rows in {load.Elapsed.TotalSeconds:N0} s.");
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        var viewer = Principal(Municipality, PlatformRoles.MunicipalViewer);
        var district = Principal("500101", PlatformRoles.DistrictAdmin);
        var results = new List<(string Name, double[] Timings, string Check)>
        {
            await TimeAsync("municipal view (projections)", runs, database.AppConnectionString, viewer, async db =>
                Summary(await DivisionViewQuery.BuildAsync(db, Municipality, period, CancellationToken.None))),
            await TimeAsync("municipal view (raw reports)", runs, database.AppConnectionString, viewer, db => RawMunicipalAsync(db, period)),
            await TimeAsync("district dashboard (projections)", runs, database.AppConnectionString, district, async db =>
                Summary(await DistrictDashboardQuery.BuildAsync(db, "500101", period, CancellationToken.None))),
            await TimeAsync("district dashboard (raw reports)", runs, database.AppConnectionString, district, db => RawDistrictAsync(db, "500101", period)),
        };

        Console.WriteLine();
        Console.WriteLine($"{"query",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  figures (green/yellow/red)");
        foreach (var (name, timings, check) in results)
        {
            Console.WriteLine($"{name,-34} {Percentile(timings, 50),8:N1} {Percentile(timings, 95),8:N1} {timings.Max(),8:N1}  {check}");
        }

        return 0;
    }

    /// <summary>Drops a scratch database the harness made (its connections first).</summary>
    public static async Task DropAsync(PostgresServer postgres, TestDatabase database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(postgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database.Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A context as a service makes one: the statements it repeats are prepared on each pooled connection.</summary>
    internal static ReportingDbContext Context(string connectionString, ITenantContext tenant)
    {
        var prepared = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = Platform.ServiceDefaults.Data.MigrationExtensions.AutoPreparedStatements };
        return new(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(prepared.ConnectionString)
            .AddInterceptors(new TenantConnectionInterceptor(tenant, Key)).Options, tenant);
    }

    internal static TenantContext Principal(string tenant, string role)
    {
        var context = new TenantContext();
        context.SetFromPrincipal(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(PlatformClaims.Tenant, tenant), new(PlatformClaims.Role, role), new(PlatformClaims.Scope, PlatformScopes.ReportsRead),
        ], "bench")));
        return context;
    }

    /// <summary>
    /// Times <paramref name="runs"/> runs of a query after as many untimed ones (at least three) and a pause: a service
    /// that answers a view often runs it as code the runtime has recompiled for speed (tiered compilation promotes a
    /// method after 30 calls, in the background, once the process has been quiet for a moment), and that steady state
    /// is what the figures are about, not the first calls of a fresh process.
    /// </summary>
    internal static async Task<(string, double[], string)> TimeAsync(
        string name, int runs, string connectionString, ITenantContext tenant, Func<ReportingDbContext, Task<string>> query)
    {
        string check = string.Empty;
        var timings = new double[runs];
        for (var i = -Math.Max(3, runs); i < runs; i++)
        {
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            await using var db = Context(connectionString, tenant);
            var watch = Stopwatch.StartNew();
            check = await query(db);
            if (i >= 0)
            {
                timings[i] = watch.Elapsed.TotalMilliseconds;
            }
        }

        return (name, timings, check);
    }

    internal static string Summary(Platform.Contracts.Reporting.V1.MunicipalView view) =>
        $"{view.Districts.Sum(d => d.Green)}/{view.Districts.Sum(d => d.Yellow)}/{view.Districts.Sum(d => d.Red)} over {view.Districts.Count} columns";

    internal static string Summary(Platform.Contracts.Reporting.V1.DistrictDashboard dashboard) =>
        $"{dashboard.Total.Green}/{dashboard.Total.Yellow}/{dashboard.Total.Red}, {dashboard.Trend.Count} months";

    /// <summary>The municipal totals the naive way: every district's tasks and reports of the month, lights computed per row.</summary>
    private static async Task<string> RawMunicipalAsync(ReportingDbContext db, string period)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Active && t.TenantId != Municipality).ToListAsync();
        var reports = await db.Reports.AsNoTracking().Where(r => r.Period == period).ToListAsync();
        var periods = await db.Periods.AsNoTracking().ToListAsync();
        var counts = Lights(tasks, reports, periods, period);
        var byIndicator = tasks.SelectMany(t => t.Indicators.Select(i => (t.TenantId, i))).Distinct().Count();
        return $"{counts[Light.Green]}/{counts[Light.Yellow]}/{counts[Light.Red]} over {tasks.Select(t => t.TenantId).Distinct().Count()} districts ({byIndicator} district-indicators)";
    }

    internal static async Task<string> RawDistrictAsync(ReportingDbContext db, string tenant, string period)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Active && t.TenantId == tenant).ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.TaskId) && string.Compare(r.Period, period) <= 0).ToListAsync();
        var periods = await db.Periods.AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync();
        var months = periods.Where(p => string.CompareOrdinal(p.Key, period) <= 0).Select(p => p.Key).Distinct().ToList();
        var current = Lights(tasks, reports.Where(r => r.Period == period).ToList(), periods, period);
        foreach (var month in months)
        {
            Lights(tasks, reports.Where(r => r.Period == month).ToList(), periods, month);
        }

        return $"{current[Light.Green]}/{current[Light.Yellow]}/{current[Light.Red]}, {months.Count} months";
    }

    internal static Dictionary<Light, int> Lights(List<TrackedTask> tasks, List<ProgressReport> reports, List<ReportingPeriod> periods, string key)
    {
        var byTask = reports.ToLookup(r => r.TaskId);
        var byList = periods.Where(p => p.Key == key).ToDictionary(p => p.TaskListId);
        var counts = new Dictionary<Light, int> { [Light.Green] = 0, [Light.Yellow] = 0, [Light.Red] = 0 };
        foreach (var task in tasks)
        {
            foreach (var lead in task.LeadUnitIds)
            {
                var light = LightRules.Compute(task, byList[task.TaskListId], byTask[task.Id].FirstOrDefault(r => r.LeadUnitId == lead), Today, 5);
                counts[light.Light]++;
            }
        }

        return counts;
    }

    internal static readonly DateOnly Today = new(Year, 8, 8);

    private static async Task<long> LoadAsync(string connectionString, ITenantContext system, int districts, int tasksPerDistrict, int months)
    {
        var random = new Random(20230728);
        var indicators = CanonicalIndicators.Ndrc;
        var units = Enumerable.Range(1, 24).Select(i => (Id: Guid.NewGuid(), Name: $"区部门{i:D2}")).ToList();
        long rows = 0;
        for (var d = 1; d <= districts; d++)
        {
            var tenant = $"5001{d:D2}";
            var listId = Guid.NewGuid();
            var periods = ReportingPeriod.For(tenant, listId, Year, new DateOnly(Year, 1, 1)).Take(months).ToList();
            var tasks = Enumerable.Range(1, tasksPerDistrict).Select(n =>
            {
                var lead = units[random.Next(units.Count)];
                var limit = 5 + random.Next(25);
                return new TrackedTask
                {
                    Id = Guid.NewGuid(), TenantId = tenant, TaskListId = listId, Year = Year, ListVersion = 1, Number = n.ToString(CultureInfo.InvariantCulture),
                    Order = n, Category = $"类别{1 + n % 17:D2}", Text = $"第{n}项任务：审批时限由{limit + 10}个工作日压减至{limit}个工作日。",
                    LeadUnitIds = [lead.Id], LeadUnitNames = [lead.Name], IssuedOn = new DateOnly(Year, 1, 1), Deadline = new DateOnly(Year, 12, 31),
                    Indicators = [indicators[(n + d) % indicators.Count]],
                    Targets = [new TrackedTarget { Text = $"由{limit + 10}个工作日压减至{limit}个工作日", Baseline = limit + 10, Value = limit, Unit = "个工作日", Direction = "Decrease" }],
                };
            }).ToList();

            await using var db = Context(connectionString, system);
            db.Districts.Add(new District { TenantId = tenant, Name = $"第{d}区", ParentId = Municipality });
            db.Tasks.AddRange(tasks);
            db.Periods.AddRange(periods);
            db.ComparableTargets.AddRange(ComparableTarget.ForList(tasks));
            foreach (var period in periods)
            {
                foreach (var task in tasks)
                {
                    var report = Report(random, task, period);
                    if (report is not null)
                    {
                        db.Reports.Add(report);
                    }

                    db.Lights.Add(Project(task, period, report));
                }
            }

            rows += db.ChangeTracker.Entries().Count();
            await db.SaveChangesAsync();
        }

        return rows;
    }

    /// <summary>The projection's row for a task's month, judged by LightRules on the harness's fixed day.</summary>
    internal static TaskLight Project(TrackedTask task, ReportingPeriod period, ProgressReport? report)
    {
        var light = LightRules.Compute(task, period, report, Today, 5);
        return new TaskLight
        {
            TenantId = task.TenantId, TaskId = task.Id, Period = period.Key, LeadUnitId = task.LeadUnitIds[0], LeadUnitName = task.LeadUnitNames[0],
            TaskNumber = task.Number, TaskOrder = task.Order, Category = task.Category, Indicators = task.Indicators, DueOn = period.DueOn,
            Light = light.Light, ReportStatus = report?.Status, SelfStatus = report?.SelfStatus ?? SelfStatus.Unspecified,
            Disagreement = light.Disagreement, Overdue = report is null && Today > period.DueOn,
            ReportedOnTime = report?.FirstSubmittedAt is { } f ? DateOnly.FromDateTime(f.UtcDateTime) <= period.DueOn : Today > period.DueOn ? false : null,
            Reasons = string.Join("；", light.Reasons), UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    internal static ProgressReport? Report(Random random, TrackedTask task, ReportingPeriod period)
    {
        if (period.DueOn > Today.AddDays(30) || random.Next(10) == 0)
        {
            return null;
        }

        var target = task.Targets[0];
        var share = Math.Min(1m, period.Month / 12m + (decimal)(random.NextDouble() - 0.6) * 0.4m);
        var submitted = new DateTimeOffset(period.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(random.Next(-5, 4));
        return new ProgressReport
        {
            Id = Guid.NewGuid(), TenantId = task.TenantId, TaskId = task.Id, Period = period.Key, LeadUnitId = task.LeadUnitIds[0],
            Status = (ReportStatus)(1 + random.Next(4)), Progress = "按计划推进，已完成阶段性任务。", Problems = random.Next(4) == 0 ? "部门协同不足。" : string.Empty,
            Effects = "办理时限持续压减。", SelfStatus = (SelfStatus)(1 + random.Next(4)),
            Actuals = [target.Baseline - (target.Baseline - target.Value) * Math.Max(0, share)], SubmittedAt = submitted, FirstSubmittedAt = submitted,
            Version = 1, UpdatedAt = submitted,
        };
    }

    internal static async Task Grant(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var grant = new NpgsqlCommand(
            $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PostgresServer.AppRole}", connection);
        await grant.ExecuteNonQueryAsync();
    }

    internal static double Percentile(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
