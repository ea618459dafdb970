using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.Chaos;

// Fault injection against the chaos stack deploy/local/chaos.sh starts: a load writes 渝中's July reports through the
// gateway while each experiment breaks one part of the stack; after each, the checks wait for the stack to converge
// and count what was lost or applied twice. Exit code 0 only when nothing was lost, duplicated or falsely escalated and
// every experiment recovered within its bound.
var options = ChaosOptions.Parse(args);
var clock = Stopwatch.StartNew();
void Say(string text) => Console.WriteLine($"[chaos {clock.Elapsed.TotalSeconds,6:0.0}s] {text}");

using var api = new Api(options);
var db = new Databases(options.Postgres);
var stack = new Stack(options.ControlScript);
var checks = new Checks(db, api, stack, options);
var experiments = Experiment.All(stack, db, options)
    .Where(e => options.Only is null || e.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();

// The reports to write: July's of tasks with one lead unit, not yet submitted, whose unit has a reporter account.
var published = await api.GetAsync(
    ChaosOptions.Office, "/api/v1/tasks?year=2023&pageSize=500", CancellationToken.None);
var tasks = published["tasks"]!.AsArray().Select(t => t!).ToList();
var taskNumbers = tasks.ToDictionary(
    t => (string)t["number"]!, t => Guid.Parse((string)t["id"]!), StringComparer.Ordinal);
var written = await api.GetAsync(
    ChaosOptions.Office, $"/api/v1/reports?period={ChaosOptions.Period}", CancellationToken.None);
var july = written["reports"]!.AsArray().Select(r => r!).ToLookup(r => Guid.Parse((string)r["taskId"]!));
var reporters = (await db.QueryAsync(
        "notifications",
        "SELECT \"UnitId\", min(\"Username\") " + Checks.UnitReporters + " GROUP BY 1",
        r => (Unit: r.GetGuid(0), User: r.GetString(1))))
    .ToDictionary(r => r.Unit, r => r.User);
var candidates = new List<(JsonNode Task, Guid Unit, ReportState State, string Text)>();
foreach (var task in tasks)
{
    var leads = task["leadUnits"]!.AsArray().Select(u => (string?)u!["unitId"]).ToList();
    if (leads.Count != 1 || !Guid.TryParse(leads[0], out var unit) || !reporters.ContainsKey(unit))
    {
        continue;
    }

    var report = july[Guid.Parse((string)task["id"]!)].FirstOrDefault(r => (string?)r["leadUnitId"] == unit.ToString());
    var (state, text) = report is null ? (ReportState.Absent, string.Empty) : LoadGenerator.Parse(report);
    if (state is ReportState.Absent or ReportState.Draft or ReportState.Returned)
    {
        candidates.Add((task, unit, state, text));
    }
}

if (candidates.Count < experiments.Count * 2)
{
    Say($"only {candidates.Count} writable July reports: the demo data is not what the suite expects");
    return 2;
}

var ledgers = experiments.ToDictionary(e => e.Name, _ => new List<ReportLedger>(), StringComparer.Ordinal);
for (var i = 0; i < candidates.Count; i++)
{
    var (task, unit, state, text) = candidates[i];
    var experiment = experiments[i % experiments.Count].Name;
    var report = new TrackedReport(
        Guid.Parse((string)task["id"]!), (string)task["number"]!, unit, reporters[unit], experiment);
    ledgers[experiment].Add(new ReportLedger(report, state, Markers.Find(text)));
}

Say($"{(options.Ci ? "CI" : "full")} mode: {experiments.Count} experiments × {options.Repeats}, "
    + $"{candidates.Count} reports, {options.Workers} workers each");
var rows = experiments.ToDictionary(e => e.Name, e => new Row(e.Name), StringComparer.Ordinal);
for (var repeat = 1; repeat <= options.Repeats; repeat++)
{
    foreach (var experiment in experiments)
    {
        await RunAsync(experiment, ledgers[experiment.Name], rows[experiment.Name]);
    }
}

// 催办 / 督办单: both demo clocks past July's escalation date; the notifications service runs its ladder before answering.
Say($"setting the demo clocks to {Escalations.PastEscalation:yyyy-MM-dd HH:mm zzz}");
await api.SetClockAsync(options.ReportingHost, Escalations.PastEscalation, CancellationToken.None);
await api.SetClockAsync(options.NotificationsHost, Escalations.PastEscalation, CancellationToken.None);
var owners = ledgers.Values
    .SelectMany(l => l)
    .ToDictionary(l => (l.Report.TaskId, l.Report.LeadUnitId), l => l.Report.Experiment);
var unattributed = 0;
foreach (var (report, reason) in await new Escalations(db, checks).FalseAsync(taskNumbers, CancellationToken.None))
{
    Say("false escalation: " + reason);
    if (owners.TryGetValue(report, out var experiment))
    {
        rows[experiment].FalseEscalations++;
    }
    else
    {
        unattributed++;
    }
}

if (unattributed > 0)
{
    Say($"{unattributed} false escalation(s) of reports the load did not write (the demo data's)");
}

Console.WriteLine();
Console.WriteLine("| experiment | acknowledged | present | lost | duplicated | false escalations | recovery s |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows.Values)
{
    Console.WriteLine(row);
}

var failed = rows.Values.Where(r => !r.Passed).Select(r => r.Name).ToList();
Console.WriteLine();
Console.WriteLine(failed.Count == 0 && unattributed == 0
    ? "chaos: PASSED"
    : $"chaos: FAILED ({string.Join("; ", failed.Append(unattributed > 0 ? "demo data escalated" : string.Empty)
        .Where(f => f.Length > 0))})");
return failed.Count == 0 && unattributed == 0 ? 0 : 1;

async Task RunAsync(Experiment experiment, List<ReportLedger> mine, Row row)
{
    Say($"── {experiment.Name}: {mine.Count} reports");
    var baseline = await BaselineAsync();
    var load = new LoadGenerator(api, options, mine, experiment.Key);
    using var stop = new CancellationTokenSource();
    var running = load.RunAsync(stop.Token);
    await Task.Delay(options.WarmUp);
    Say($"fault: {experiment.Name} ({load.Acknowledged} writes acknowledged so far)");
    var faultStarted = Stopwatch.GetTimestamp();
    try
    {
        await experiment.Inject();
    }
    catch (Exception ex)
    {
        Say("the fault could not be injected or ended: " + ex.Message);
        row.Broken = true;
    }

    var faultEnded = DateTimeOffset.UtcNow;
    var ended = Stopwatch.GetTimestamp();
    Say($"fault over after {Stopwatch.GetElapsedTime(faultStarted).TotalSeconds:0.0} s; "
        + "load goes on until every worker is acknowledged again");
    load.Closing = true;
    var resumed = await load.WaitForAcknowledgementsAsync(faultEnded, options.Tail);
    await stop.CancelAsync();
    await running;
    var stragglers = resumed ? string.Empty : ", some workers were never acknowledged after the fault";
    Say($"load stopped: {load.Acknowledged} acknowledged, {load.Unanswered} unanswered{stragglers}");
    if (load.Failures.Length > 0)
    {
        Say("not acknowledged: " + load.Failures);
    }

    var deadline = Stopwatch.GetTimestamp() + (long)(options.RecoveryBound.TotalSeconds * Stopwatch.Frequency);
    Evaluation evaluation;
    while (true)
    {
        evaluation = await checks.EvaluateAsync(mine, baseline, CancellationToken.None);
        if (evaluation.Converged)
        {
            row.Recovery = Math.Max(row.Recovery ?? 0, Stopwatch.GetElapsedTime(ended).TotalSeconds);
            break;
        }

        if (Stopwatch.GetTimestamp() > deadline)
        {
            row.Converged = false;
            foreach (var pending in evaluation.Pending.Concat(evaluation.Findings).Take(20))
            {
                Say("not converged: " + pending);
            }

            break;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    var missing = (await checks.MissingWritesAsync(mine, CancellationToken.None)).Concat(load.Losses).ToList();
    foreach (var loss in missing)
    {
        Say("lost write: " + loss);
    }

    row.Acknowledged += load.Acknowledged;
    row.LostWrites += missing.Count;
    row.LostEvents += evaluation.LostEvents;
    row.Duplicated += evaluation.Duplicated;
    Say(row.Converged && !row.Broken
        ? $"recovered in {row.Recovery:0.0} s"
        : $"did not recover within {options.RecoveryBound.TotalSeconds:0} s");
}

// The starting point, waiting for a stack that a previous experiment left unable to answer (up to the recovery bound).
async Task<Baseline> BaselineAsync()
{
    var deadline = Stopwatch.GetTimestamp() + (long)(options.RecoveryBound.TotalSeconds * Stopwatch.Frequency);
    while (true)
    {
        try
        {
            return await checks.BaselineAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException
            && Stopwatch.GetTimestamp() < deadline)
        {
            Say("waiting to read the starting point: " + ex.Message);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
