extern alias reporting;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Testing;
using reporting::Platform.Reporting.Data;
using reporting::Platform.Reporting.Domain;
using reporting::Platform.Reporting.Rollups;
using reporting::Platform.Reporting.Views;

namespace Platform.Benchmarks;

/// <summary>
/// The national harness: every county-level division of the GB/T 2260 table as a district with its tasks, twelve
/// months of reports and their lights, then the comparison views of 重庆市 (its 38 districts), 四川省 (its prefectures),
/// the country (its provinces) and one district's dashboard, each timed as served (the roll-ups, through row-level
/// security as the application's role) and from the raw reports (tasks, reports and periods read and judged by
/// <see cref="LightRules"/>, the reference). Also shows that the row-level security check runs once per statement.
/// Run: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- national [--tasks 100] [--months 12]
/// [--runs 30] [--raw-runs 5] [--provinces 50,51 (only their counties)] [--districts N (the first N counties)] [--keep (the
/// database, to look at plans)] (PostgreSQL from DUBAN_TEST_POSTGRES).
/// </summary>
public static class NationalLoad
{
    private const int Year = 2023;
    private const string Chongqing = "500000";
    private const string Sichuan = "510000";
    private const string Yuzhong = "500103";

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) => HarnessOptions.Number(args, name, fallback);
        var tasks = Option("--tasks", 100);
        var months = Option("--months", 12);
        var runs = Option("--runs", 30);
        var rawRuns = Option("--raw-runs", 5);
        var provinces = HarnessOptions.Text(args, "--provinces")?.Split(',') ?? [];
        var counties = DivisionTree.Standard.Counties().Where(c => provinces.Length == 0 || provinces.Contains(c.Code[..2])).ToList();
        var keep = args.Contains("--keep");
        var districts = counties.Take(Option("--districts", counties.Count)).Select(c => c.Code)
            .Union([Yuzhong]).Order(StringComparer.Ordinal).ToList();

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("national");
        try
        {
            var period = $"{Year}-{Math.Min(months, 7):D2}";
            var system = new TenantContext();
            using var platform = system.AsSystem("benchmark set-up");
            await using (var owner = DashboardLoad.Context(database.OwnerConnectionString, system))
            {
                await owner.Database.MigrateAsync();
                await DashboardLoad.Key.StoreAsync(owner.Database.GetDbConnection());
                await DashboardLoad.Grant(database.OwnerConnectionString);
            }

            var superuser = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = database.Name }.ConnectionString;
            var load = Stopwatch.StartNew();
            var rows = await LoadAsync(superuser, districts, tasks, months);
            var copied = load.Elapsed;
            var counted = await CountDistrictsAsync(superuser, districts);
            // The roll-up writes; the harness's application role may only read.
            await using (var db = DashboardLoad.Context(database.OwnerConnectionString, system))
            {
                var rollups = Stopwatch.StartNew();
                var written = await new DivisionRollups(db).RebuildAsync(CancellationToken.None);
                Console.WriteLine(
                    $"Loaded {districts.Count:N0} districts × {tasks} tasks × {months} months: {rows:N0} rows in {copied.TotalSeconds:N0} s; " +
                    $"district totals {counted.TotalSeconds:N0} s; roll-ups of every division {rollups.Elapsed.TotalSeconds:N1} s ({written:N0} rows).");
            }

            await using (var connection = new NpgsqlConnection(superuser))
            {
                await connection.OpenAsync();
                await using var analyze = new NpgsqlCommand("ANALYZE", connection);
                analyze.CommandTimeout = 0;
                await analyze.ExecuteNonQueryAsync();
            }

            var app = database.AppConnectionString;
            var chongqing = DashboardLoad.Principal(Chongqing, PlatformRoles.MunicipalViewer);
            var sichuan = DashboardLoad.Principal(Sichuan, PlatformRoles.MunicipalViewer);
            var district = DashboardLoad.Principal(Yuzhong, PlatformRoles.DistrictAdmin);
            var results = new List<(string Name, double[] Timings, string Check)>
            {
                await DashboardLoad.TimeAsync("重庆市 view (roll-ups)", runs, app, chongqing, async db =>
                    DashboardLoad.Summary(await DivisionViewQuery.BuildAsync(db, Chongqing, period, CancellationToken.None))),
                await DashboardLoad.TimeAsync("重庆市 view (raw reports)", rawRuns, app, chongqing, db => RawViewAsync(db, Chongqing, period)),
                await DashboardLoad.TimeAsync("四川省 view (roll-ups)", runs, app, sichuan, async db =>
                    DashboardLoad.Summary(await DivisionViewQuery.BuildAsync(db, Sichuan, period, CancellationToken.None))),
                await DashboardLoad.TimeAsync("四川省 view (raw reports)", rawRuns, app, sichuan, db => RawViewAsync(db, Sichuan, period)),
                // No account views the whole country yet; the national view is timed in the system context.
                await DashboardLoad.TimeAsync("national view (roll-ups)", runs, app, system, async db =>
                    DashboardLoad.Summary(await DivisionViewQuery.BuildAsync(db, DivisionRollups.Country, period, CancellationToken.None))),
                await DashboardLoad.TimeAsync("national view (raw reports)", rawRuns, app, system, db => RawViewAsync(db, DivisionRollups.Country, period)),
                await DashboardLoad.TimeAsync("district dashboard (projection)", runs, app, district, async db =>
                    DashboardLoad.Summary(await DistrictDashboardQuery.BuildAsync(db, Yuzhong, period, CancellationToken.None))),
                await DashboardLoad.TimeAsync("district dashboard (raw reports)", rawRuns, app, district, db => DashboardLoad.RawDistrictAsync(db, Yuzhong, period)),
            };

            Console.WriteLine();
            Console.WriteLine($"| query | p50 ms | p95 ms | max ms | raw p50 ÷ p50 | figures (green/yellow/red) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            for (var i = 0; i < results.Count; i++)
            {
                var (name, timings, check) = results[i];
                var p50 = DashboardLoad.Percentile(timings, 50);
                var ratio = i % 2 == 0 ? $"{DashboardLoad.Percentile(results[i + 1].Timings, 50) / p50:N0}×" : string.Empty;
                Console.WriteLine($"| {name} | {p50:N1} | {DashboardLoad.Percentile(timings, 95):N1} | {timings.Max():N1} | {ratio} | {check} |");
            }

            // What a viewer gets when the month's counts have not moved since the host last built the view (every ask
            // between two roll-up passes): the view the host kept, after one read of the division's stamp.
            using var kept = new DivisionViewCache();
            var keptResults = new List<(string Name, double[] Timings, string Check, int Raw)>();
            foreach (var (name, principal, division, raw) in new[]
            {
                ("重庆市 view, kept (stamp unchanged)", chongqing, Chongqing, 1), ("四川省 view, kept (stamp unchanged)", sichuan, Sichuan, 3),
                ("national view, kept (stamp unchanged)", system, DivisionRollups.Country, 5),
            })
            {
                var (_, timings, check) = await DashboardLoad.TimeAsync(name, runs, app, principal, async db =>
                    DashboardLoad.Summary(await DivisionViewQuery.BuildAsync(db, division, period, CancellationToken.None, kept)));
                keptResults.Add((name, timings, check, raw));
            }

            Console.WriteLine();
            Console.WriteLine($"| query | p50 ms | p95 ms | max ms | raw p50 ÷ p50 | figures (green/yellow/red) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            foreach (var (name, timings, check, raw) in keptResults)
            {
                var p50 = DashboardLoad.Percentile(timings, 50);
                Console.WriteLine($"| {name} | {p50:N1} | {DashboardLoad.Percentile(timings, 95):N1} | {timings.Max():N1} | " +
                    $"{DashboardLoad.Percentile(results[raw].Timings, 50) / p50:N0}× | {check} |");
            }

            Console.WriteLine();
            Console.WriteLine("Row-level security, once per statement (四川省 viewer counting the month's lights under its policy):");
            await ExplainAsync(app, sichuan, period);
            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"Kept the database {database.Name}.");
            }
            else
            {
                await DashboardLoad.DropAsync(postgres, database);
            }

            await postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// The division's children's lights the naive way: every task, report and period under it read and judged, then
    /// counted per child. The same figures as the roll-ups, from the source.
    /// </summary>
    private static async Task<string> RawViewAsync(ReportingDbContext db, string division, string period)
    {
        var prefix = division == DivisionRollups.Country ? string.Empty : DivisionCode.OverseenPrefix(division)!;
        var month = int.Parse(period[5..], CultureInfo.InvariantCulture);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Active && t.TenantId.StartsWith(prefix) && t.TenantId != division).ToListAsync();
        var reports = await db.Reports.AsNoTracking().Where(r => r.Period == period && r.TenantId.StartsWith(prefix)).ToListAsync();
        var periods = await db.Periods.AsNoTracking().Where(p => p.Year == Year && p.Month == month && p.TenantId.StartsWith(prefix)).ToListAsync();
        var columns = tasks.Select(t => t.TenantId).Distinct().Select(t => ChildOf(division, t)).Distinct().Count();
        var counts = DashboardLoad.Lights(tasks, reports, periods, period);
        return $"{counts[Light.Green]}/{counts[Light.Yellow]}/{counts[Light.Red]} over {columns} columns";
    }

    /// <summary>The child of <paramref name="division"/> a district lies under (itself when it is a child).</summary>
    private static string ChildOf(string division, string district)
    {
        var code = district;
        while (DivisionRollups.ParentOf(code) != division)
        {
            code = DivisionRollups.ParentOf(code);
        }

        return code;
    }

    private static async Task ExplainAsync(string connectionString, ITenantContext viewer, string period)
    {
        await using var db = DashboardLoad.Context(connectionString, viewer);
        var plan = await db.Database.SqlQuery<string>(
            $"""EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) AS "Value" FROM task_lights WHERE "Period" = {period}""").ToListAsync();
        foreach (var line in plan.Where(l => l.Contains("InitPlan", StringComparison.Ordinal) || l.Contains("Filter", StringComparison.Ordinal)
            || l.Contains("rows=", StringComparison.Ordinal) || l.Contains("Execution Time", StringComparison.Ordinal)))
        {
            Console.WriteLine("    " + line.Trim());
        }
    }

    /// <summary>Streams every district's rows with COPY (the triggers off, as a restore would), lights judged by LightRules.</summary>
    private static async Task<long> LoadAsync(string superuser, IReadOnlyList<string> districts, int tasksPerDistrict, int months)
    {
        var random = new Random(20230728);
        var indicators = CanonicalIndicators.Ndrc;
        var units = Enumerable.Range(1, 24).Select(i => (Id: Guid.NewGuid(), Name: $"区部门{i:D2}")).ToList();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using (var names = await connection.BeginBinaryImportAsync("""COPY districts (tenant_id, "Name", "ParentId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var code in districts)
            {
                await names.WriteRowAsync(default, code, DivisionTree.Standard.Find(code)!.Name, DivisionRollups.ParentOf(code));
            }

            await names.CompleteAsync();
        }

        long rows = districts.Count;
        var json = JsonSerializerOptions.Web;
        foreach (var batch in districts.Chunk(50))
        {
            var allTasks = new List<TrackedTask>();
            var allPeriods = new List<ReportingPeriod>();
            foreach (var (tenant, d) in batch.Select((t, i) => (t, i)))
            {
                var listId = Guid.NewGuid();
                allPeriods.AddRange(ReportingPeriod.For(tenant, listId, Year, new DateOnly(Year, 1, 1)).Take(months));
                allTasks.AddRange(Enumerable.Range(1, tasksPerDistrict).Select(n =>
                {
                    var lead = units[random.Next(units.Count)];
                    var limit = 5 + random.Next(25);
                    return new TrackedTask
                    {
                        Id = Guid.NewGuid(), TenantId = tenant, TaskListId = listId, Year = Year, ListVersion = 1,
                        Number = n.ToString(CultureInfo.InvariantCulture), Order = n, Category = $"类别{1 + n % 17:D2}",
                        Text = $"第{n}项任务：审批时限由{limit + 10}个工作日压减至{limit}个工作日。",
                        LeadUnitIds = [lead.Id], LeadUnitNames = [lead.Name], IssuedOn = new DateOnly(Year, 1, 1), Deadline = new DateOnly(Year, 12, 31),
                        Indicators = [indicators[(n + d) % indicators.Count]],
                        Targets = [new TrackedTarget { Text = $"由{limit + 10}个工作日压减至{limit}个工作日", Baseline = limit + 10, Value = limit, Unit = "个工作日", Direction = "Decrease" }],
                    };
                }));
            }

            await using (var writer = await connection.BeginBinaryImportAsync("""
                COPY tracked_tasks ("Id", tenant_id, "TaskListId", "Year", "ListVersion", "Number", "Order", "Category", "Text", "LeadUnitIds",
                    "LeadUnitNames", "ResponsibleUnitIds", "ResponsibleUnitNames", "Deadline", "IssuedOn", "Targets", "Indicators", "Active")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var t in allTasks)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(t.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(t.TenantId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(t.TaskListId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(t.Year, NpgsqlDbType.Integer);
                    await writer.WriteAsync(t.ListVersion, NpgsqlDbType.Integer);
                    await writer.WriteAsync(t.Number, NpgsqlDbType.Text);
                    await writer.WriteAsync(t.Order, NpgsqlDbType.Integer);
                    await writer.WriteAsync(t.Category, NpgsqlDbType.Text);
                    await writer.WriteAsync(t.Text, NpgsqlDbType.Text);
                    await writer.WriteAsync(t.LeadUnitIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                    await writer.WriteAsync(t.LeadUnitNames, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await writer.WriteAsync(t.ResponsibleUnitIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                    await writer.WriteAsync(t.ResponsibleUnitNames, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await writer.WriteAsync(t.Deadline, NpgsqlDbType.Date);
                    await writer.WriteAsync(t.IssuedOn, NpgsqlDbType.Date);
                    await writer.WriteAsync(JsonSerializer.Serialize(t.Targets, json), NpgsqlDbType.Jsonb);
                    await writer.WriteAsync(t.Indicators, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync("""
                COPY periods ("Id", tenant_id, "TaskListId", "Year", "Month", "DueOn") FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var p in allPeriods)
                {
                    await writer.WriteRowAsync(default, p.Id, p.TenantId, p.TaskListId, p.Year, p.Month, p.DueOn);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync("""
                COPY comparable_targets (tenant_id, "Year", "TaskId", "TaskNumber", "Indicator", "Text", "Value", "Unit", "Baseline", "Direction", "Best")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var c in allTasks.GroupBy(t => t.TenantId).SelectMany(ComparableTarget.ForList))
                {
                    await writer.WriteRowAsync(default, c.TenantId, c.Year, c.TaskId, c.TaskNumber, c.Indicator, c.Text, c.Value, c.Unit, c.Baseline, c.Direction, c.Best);
                }

                await writer.CompleteAsync();
            }

            var reports = new List<ProgressReport>();
            var lights = new List<TaskLight>();
            var periodsByList = allPeriods.ToLookup(p => p.TaskListId);
            foreach (var task in allTasks)
            {
                foreach (var period in periodsByList[task.TaskListId])
                {
                    var report = DashboardLoad.Report(random, task, period);
                    if (report is not null)
                    {
                        reports.Add(report);
                    }

                    lights.Add(DashboardLoad.Project(task, period, report));
                }
            }

            await using (var writer = await connection.BeginBinaryImportAsync("""
                COPY reports ("Id", tenant_id, "TaskId", "Period", "LeadUnitId", "Status", "Progress", "Problems", "Effects", "SelfStatus",
                    "Actuals", "SubmittedAt", "FirstSubmittedAt", "Version", "UpdatedAt")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var r in reports)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.TenantId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.TaskId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.Period, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.LeadUnitId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.Status.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.Progress, NpgsqlDbType.Text);
                    await writer.WriteAsync(r.Problems, NpgsqlDbType.Text);
                    await writer.WriteAsync(r.Effects, NpgsqlDbType.Text);
                    await writer.WriteAsync(r.SelfStatus.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.Actuals, NpgsqlDbType.Array | NpgsqlDbType.Numeric);
                    await writer.WriteAsync(r.SubmittedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(r.FirstSubmittedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(r.Version, NpgsqlDbType.Integer);
                    await writer.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync("""
                COPY task_lights (tenant_id, "TaskId", "Period", "LeadUnitId", "LeadUnitName", "TaskNumber", "TaskOrder", "Category", "Indicators",
                    "DueOn", "Light", "ReportStatus", "SelfStatus", "Disagreement", "Overdue", "ReportedOnTime", "Reasons", "UpdatedAt")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var l in lights)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(l.TenantId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(l.TaskId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(l.Period, NpgsqlDbType.Text);
                    await writer.WriteAsync(l.LeadUnitId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(l.LeadUnitName, NpgsqlDbType.Text);
                    await writer.WriteAsync(l.TaskNumber, NpgsqlDbType.Text);
                    await writer.WriteAsync(l.TaskOrder, NpgsqlDbType.Integer);
                    await writer.WriteAsync(l.Category, NpgsqlDbType.Text);
                    await writer.WriteAsync(l.Indicators, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await writer.WriteAsync(l.DueOn, NpgsqlDbType.Date);
                    await writer.WriteAsync(l.Light.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(l.ReportStatus?.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(l.SelfStatus.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(l.Disagreement, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(l.Overdue, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(l.ReportedOnTime, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(l.Reasons, NpgsqlDbType.Text);
                    await writer.WriteAsync(l.UpdatedAt, NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            rows += allTasks.Count * 2L + allPeriods.Count + reports.Count + lights.Count;
            Console.Write($"\r  {rows:N0} rows…");
        }

        Console.WriteLine();
        return rows;
    }

    /// <summary>Counts every district month once, as the trigger would have at each commit (a district per transaction).</summary>
    private static async Task<TimeSpan> CountDistrictsAsync(string superuser, IEnumerable<string> districts)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        foreach (var district in districts)
        {
            await using var count = new NpgsqlCommand("""
                SELECT count(public.reporting_recount_totals(@district, m."Period")) FROM (SELECT DISTINCT "Period" FROM task_lights WHERE tenant_id = @district) AS m
                """, connection);
            count.Parameters.AddWithValue("district", district);
            await count.ExecuteNonQueryAsync();
        }

        await using var fresh = new NpgsqlCommand("""UPDATE tenant_totals SET "Stale" = false WHERE "Stale" """, connection);
        await fresh.ExecuteNonQueryAsync();
        return watch.Elapsed;
    }
}
