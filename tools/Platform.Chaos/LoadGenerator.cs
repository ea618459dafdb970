using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Platform.Chaos;

/// <summary>
/// Several workers writing July's reports through the gateway as their units' reporters and the district office would:
/// save a draft, submit, have it returned (edit, resubmit) or accepted. Every 2xx is recorded in the report's ledger;
/// anything else is unacknowledged, and a worker that lost track reads the report back, comparing it with what was
/// acknowledged before (a write acknowledged and then gone is a loss found during the load).
/// </summary>
public sealed class LoadGenerator(Api api, ChaosOptions options, IReadOnlyList<ReportLedger> ledgers, string experiment)
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> lastAcknowledged = new();
    private readonly ConcurrentQueue<string> losses = new();
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private int acknowledged;
    private int unanswered;

    public int Acknowledged => acknowledged;

    /// <summary>
    /// Once set (after the fault), the office accepts many resubmitted reports; before, it returns them all, so that
    /// the reports stay writable through the whole fault (an accepted report takes no more writes).
    /// </summary>
    public bool Closing { get; set; }

    public int Unanswered => unanswered;

    public IReadOnlyCollection<string> Losses => losses;

    /// <summary>
    /// The answers that were not 2xx, by kind, most frequent first (what the faults looked like from outside).
    /// </summary>
    public string Failures =>
        string.Join("; ", failures.OrderByDescending(f => f.Value).Take(4).Select(f => $"{f.Value}× {f.Key}"));

    public Task RunAsync(CancellationToken stop)
    {
        var workers = Math.Min(options.Workers, ledgers.Count);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(w =>
            Task.Run(
                () => WorkAsync(w, ledgers.Where((_, i) => i % workers == w).ToList(), stop),
                CancellationToken.None)));
    }

    /// <summary>
    /// Waits until every worker has had a write acknowledged after <paramref name="since"/>, or the time is up.
    /// </summary>
    public async Task<bool> WaitForAcknowledgementsAsync(DateTimeOffset since, TimeSpan atMost)
    {
        var workers = Math.Min(options.Workers, ledgers.Count);
        var deadline = DateTimeOffset.UtcNow + atMost;
        while (DateTimeOffset.UtcNow < deadline)
        {
            // A worker whose reports are all accepted has nothing left to write.
            if (Enumerable.Range(0, workers).All(w => lastAcknowledged.TryGetValue(w, out var at) && at > since ||
                    ledgers.Where((_, i) => i % workers == w).All(l => l.Known == ReportState.Accepted)))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private async Task WorkAsync(int worker, List<ReportLedger> mine, CancellationToken stop)
    {
        var random = new Random(HashCode.Combine(experiment, worker));
        var needsSave = mine.ToDictionary(l => l, _ => true);
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            var ledger = mine[turn % mine.Count];
            if (mine.All(l => l.Known == ReportState.Accepted))
            {
                // Everything reviewed: nothing left to write.
                await Pause(TimeSpan.FromMilliseconds(500), stop);
                continue;
            }

            var step = Next(ledger, needsSave[ledger], random);
            if (step is null)
            {
                continue;
            }

            var sentAt = DateTimeOffset.UtcNow;
            var outcome = await api.SendAsync(
                step.User, step.Method, ledger.Report.Path + step.Suffix, step.Body, CancellationToken.None);
            if (outcome.Acknowledged)
            {
                Interlocked.Increment(ref acknowledged);
                ledger.Acknowledged(step.Target, step.Marker);
                lastAcknowledged[worker] = DateTimeOffset.UtcNow;
                needsSave[ledger] = step.Target == ReportState.Returned && step.Marker is null;
                if (step.Target == ReportState.Returned && step.Marker is null)
                {
                    ledger.Cycles++;
                }
            }
            else
            {
                var call = step.Suffix.Length == 0 ? "save" : step.Suffix.TrimStart(':');
                failures.AddOrUpdate($"{call} {outcome}", 1, (_, n) => n + 1);
                if (!outcome.Refused)
                {
                    Interlocked.Increment(ref unanswered);
                    ledger.Unknown(sentAt, step.Target, step.Marker);
                }

                needsSave[ledger] = true;
                await ResyncAsync(ledger, stop);
            }

            await Pause(options.Think, stop);
        }
    }

    private sealed record Step(
        string User, HttpMethod Method, string Suffix, JsonNode Body, ReportState Target, string? Marker);

    private Step? Next(ReportLedger ledger, bool needsSave, Random random)
    {
        var report = ledger.Report;
        switch (ledger.Known)
        {
            case ReportState.Absent or ReportState.Draft or ReportState.Returned when needsSave:
                var marker = Markers.New(experiment);
                return new Step(report.Reporter, HttpMethod.Put, string.Empty, new JsonObject
                {
                    ["progress"] = $"{marker} 压力测试：任务{report.TaskNumber}本月按计划推进。",
                    ["problems"] = string.Empty,
                    ["effects"] = "本月完成阶段性工作。",
                    ["selfStatus"] = "SELF_STATUS_ON_TRACK",
                    ["actuals"] = new JsonArray(),
                }, ledger.Known == ReportState.Returned ? ReportState.Returned : ReportState.Draft, marker);
            case ReportState.Absent or ReportState.Draft or ReportState.Returned:
                return new Step(
                    report.Reporter, HttpMethod.Post, ":submit", new JsonObject(), ReportState.Submitted, null);
            case ReportState.Submitted when ledger.Cycles >= 2 && Closing && random.NextDouble() < 0.4:
                return new Step(
                    ChaosOptions.Office,
                    HttpMethod.Post,
                    ":accept",
                    new JsonObject { ["leadUnitId"] = report.LeadUnitId.ToString() },
                    ReportState.Accepted,
                    null);
            case ReportState.Submitted:
                return new Step(
                    ChaosOptions.Office,
                    HttpMethod.Post,
                    ":return",
                    new JsonObject
                    {
                        ["leadUnitId"] = report.LeadUnitId.ToString(), ["comment"] = "请补充量化数据（故障注入测试）。",
                    },
                    ReportState.Returned,
                    null);
            default:
                return null;
        }
    }

    /// <summary>Reads the report back until the service answers, and checks it against the ledger.</summary>
    private async Task ResyncAsync(ReportLedger ledger, CancellationToken stop)
    {
        while (true)
        {
            var read = await api.SendAsync(
                ledger.Report.Reporter, HttpMethod.Get, ledger.Report.Path, null, CancellationToken.None);
            if (read.Acknowledged)
            {
                var (state, text) = Parse(read.Body!);
                if (ledger.Mismatch(state, text) is { } problem)
                {
                    losses.Enqueue($"任务{ledger.Report.TaskNumber} (read back during the load): {problem}");
                }

                ledger.Observed(state, text);
                return;
            }

            if (stop.IsCancellationRequested)
            {
                // Left for the final check, which reads the database.
                return;
            }

            await Pause(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }
    }

    public static (ReportState State, string Text) Parse(JsonNode report)
    {
        var exists = (bool?)report["exists"] ?? false;
        var state = (string?)report["status"] switch
        {
            _ when !exists => ReportState.Absent,
            "REPORT_STATUS_DRAFT" => ReportState.Draft,
            "REPORT_STATUS_SUBMITTED" => ReportState.Submitted,
            "REPORT_STATUS_RETURNED" => ReportState.Returned,
            "REPORT_STATUS_ACCEPTED" => ReportState.Accepted,
            var other => throw new InvalidOperationException($"unknown report status {other}"),
        };
        return (state, (string?)report["progress"] ?? string.Empty);
    }

    private static async Task Pause(TimeSpan time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(time, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
