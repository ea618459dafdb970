namespace Platform.Chaos;

/// <summary>
/// The checks, from the databases (as the superuser) and the hosts: every host healthy, every outbox drained, no
/// message parked in an error or skipped queue, the notifications service's owed state equal to reporting's for every
/// report the experiment wrote, and exactly one review notice per reporter of the unit for each return and acceptance
/// reporting holds.
/// </summary>
public sealed class Checks(Databases db, Api api, Stack stack, ChaosOptions options)
{
    private const string Returned = "ReportReturned";
    private const string Accepted = "ReportAccepted";

    /// <summary>
    /// The notifications service's recipients who report for a unit of the district (SQL, from FROM on).
    /// </summary>
    public const string UnitReporters = "FROM recipients WHERE tenant_id = @tenant AND NOT \"Disabled\" "
        + "AND \"UnitId\" IS NOT NULL AND 'unit-reporter' = ANY(\"Roles\")";

    public async Task<Baseline> BaselineAsync(CancellationToken cancellationToken) =>
        new(
            await NoticesAsync(cancellationToken),
            await ReturnsAsync(cancellationToken),
            (await stack.ParkedAsync()).Count);

    public async Task<Evaluation> EvaluateAsync(
        IReadOnlyList<ReportLedger> ledgers, Baseline baseline, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var (name, host) in options.Hosts)
        {
            if (!await api.HealthyAsync(host, cancellationToken))
            {
                pending.Add($"{name} /health is not 200");
            }
        }

        try
        {
            var unsent = (await db.UnsentAsync(cancellationToken)).Where(u => u.Value > 0).ToList();
            if (unsent.Count > 0)
            {
                pending.Add("unsent outbox rows: " + string.Join(", ", unsent.Select(u => $"{u.Key} {u.Value}")));
            }

            var (parked, detail) = await stack.ParkedAsync();
            if (parked > baseline.Parked)
            {
                pending.Add($"messages parked in error/skipped queues: {detail}");
            }

            var (findings, lost, duplicated) = await EventsAsync(ledgers, baseline, cancellationToken);
            return new Evaluation(pending, findings, lost, duplicated);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            pending.Add("cannot read the state: " + ex.Message);
            return new Evaluation(pending, [], 0, 0);
        }
    }

    /// <summary>Acknowledged writes missing from reporting's database (the final word on "present").</summary>
    public async Task<List<string>> MissingWritesAsync(
        IReadOnlyList<ReportLedger> ledgers, CancellationToken cancellationToken)
    {
        var stored = await ReportsAsync(cancellationToken);
        var missing = new List<string>();
        foreach (var ledger in ledgers)
        {
            var (state, text) = stored.GetValueOrDefault(
                (ledger.Report.TaskId, ledger.Report.LeadUnitId), (ReportState.Absent, string.Empty));
            if (ledger.Mismatch(state, text) is { } problem)
            {
                missing.Add($"任务{ledger.Report.TaskNumber}: {problem}");
            }
        }

        return missing;
    }

    public async Task<Dictionary<(Guid Task, Guid Unit), (ReportState State, string Text)>> ReportsAsync(
        CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            "reporting",
            "SELECT \"TaskId\", \"LeadUnitId\", \"Status\"::text, \"Progress\" FROM reports "
                + "WHERE tenant_id = @tenant AND \"Period\" = @period",
            r => (Key: (r.GetGuid(0), r.GetGuid(1)), Value: (ReportStates.Reporting(r.GetString(2)), r.GetString(3))),
            cancellationToken))
        .ToDictionary(x => x.Key, x => x.Value);

    private async Task<(List<string> Findings, int Lost, int Duplicated)> EventsAsync(
        IReadOnlyList<ReportLedger> ledgers, Baseline baseline, CancellationToken cancellationToken)
    {
        var reports = await ReportsAsync(cancellationToken);
        var returns = await ReturnsAsync(cancellationToken);
        var notices = await NoticesAsync(cancellationToken);
        var owed = (await db.QueryAsync(
                "notifications",
                "SELECT \"TaskId\", \"LeadUnitId\", \"State\"::text FROM owed_reports "
                    + "WHERE tenant_id = @tenant AND \"Period\" = @period AND \"Active\"",
                r => (Key: (r.GetGuid(0), r.GetGuid(1)), State: ReportStates.Owed(r.GetString(2))), cancellationToken))
            .ToDictionary(x => x.Key, x => x.State);
        var reporters = (await db.QueryAsync(
                "notifications",
                "SELECT \"Id\", \"UnitId\" " + UnitReporters,
                r => (Id: r.GetGuid(0), Unit: r.GetGuid(1)), cancellationToken))
            .ToLookup(r => r.Unit, r => r.Id);

        var findings = new List<string>();
        var lost = 0;
        var duplicated = 0;
        foreach (var report in ledgers.Select(l => l.Report))
        {
            var key = (report.TaskId, report.LeadUnitId);
            var state = reports.TryGetValue(key, out var stored) ? stored.State : ReportState.Absent;
            var expected = ReportStates.OwedFor(state);
            var held = owed.GetValueOrDefault(key);
            if (held != 4 && held != expected)
            {
                lost++;
                findings.Add(
                    $"任务{report.TaskNumber}: notifications holds it {ReportStates.OwedName(held)}, reporting {state}");
            }

            var newReturns = returns.GetValueOrDefault(report.TaskId)
                - baseline.Returns.GetValueOrDefault(report.TaskId);
            var accepted = state == ReportState.Accepted ? 1L : 0L;
            foreach (var reporter in reporters[report.LeadUnitId])
            {
                foreach (var (kind, want) in new[] { (Returned, newReturns), (Accepted, accepted) })
                {
                    var had = baseline.Notices.GetValueOrDefault((reporter, report.TaskId, kind));
                    var got = notices.GetValueOrDefault((reporter, report.TaskId, kind)) - (kind == Accepted ? 0 : had);
                    if (got < want)
                    {
                        lost += (int)(want - got);
                        findings.Add(
                            $"任务{report.TaskNumber}: {want - got} {kind} notice(s) missing for reporter {reporter}");
                    }
                    else if (got > want)
                    {
                        duplicated += (int)(got - want);
                        findings.Add(
                            $"任务{report.TaskNumber}: {got - want} {kind} notice(s) too many for reporter {reporter}");
                    }
                }
            }
        }

        return (findings, lost, duplicated);
    }

    private async Task<Dictionary<Guid, long>> ReturnsAsync(CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            "reporting",
            "SELECT \"TaskId\", count(*) FROM audit_entries "
                + "WHERE tenant_id = @tenant AND \"Period\" = @period AND \"Action\" = 'returned' GROUP BY 1",
            r => (Task: r.GetGuid(0), Count: r.GetInt64(1)),
            cancellationToken))
        .ToDictionary(x => x.Task, x => x.Count);

    private async Task<Dictionary<(Guid Recipient, Guid Task, string Kind), long>> NoticesAsync(
        CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            "notifications",
            "SELECT \"RecipientId\", \"TaskId\", \"Kind\"::text, count(*) FROM notifications "
                + "WHERE tenant_id = @tenant AND \"Period\" = @period AND \"TaskId\" IS NOT NULL GROUP BY 1, 2, 3",
            r => (Key: (r.GetGuid(0), r.GetGuid(1), Kind(r.GetString(2))), Count: r.GetInt64(3)),
            cancellationToken))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

    private static string Kind(string stored) => stored switch
    {
        "5" => Returned,
        "6" => Accepted,
        _ => stored,
    };
}
