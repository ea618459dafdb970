using System.Text.RegularExpressions;

namespace Platform.Chaos;

/// <summary>
/// 催办 and 督办单 for a report that reporting holds as submitted or accepted: with both demo clocks set past July's
/// escalation date the supervision ladder writes them at once; each lists its owed tasks as "· 任务{number}：…".
/// </summary>
public sealed partial class Escalations(Databases db, Checks checks)
{
    /// <summary>July's due date (31st) + 5 days of grace + 3 more days, and a little after.</summary>
    public static readonly DateTimeOffset PastEscalation = new(2023, 8, 10, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Each falsely escalated report once: (task, unit) and what named it.</summary>
    public async Task<Dictionary<(Guid Task, Guid Unit), string>> FalseAsync(
        IReadOnlyDictionary<string, Guid> taskNumbers, CancellationToken cancellationToken)
    {
        var reports = await checks.ReportsAsync(cancellationToken);
        var units = (await db.QueryAsync(
                "notifications",
                "SELECT \"Id\", \"UnitId\" FROM recipients WHERE tenant_id = @tenant AND \"UnitId\" IS NOT NULL",
                r => (Id: r.GetGuid(0), Unit: r.GetGuid(1))))
            .ToDictionary(r => r.Id, r => r.Unit);
        var notices = await db.QueryAsync(
            "notifications",
            "SELECT \"RecipientId\", \"Kind\"::text, \"CauseKey\", \"Body\" FROM notifications "
                + "WHERE tenant_id = @tenant AND \"Period\" = @period "
                + "AND \"Kind\"::text IN ('Overdue', 'Escalation', '3', '4')",
            r => (Recipient: r.GetGuid(0), Kind: r.GetString(1), Cause: r.GetString(2), Body: r.GetString(3)),
            cancellationToken);
        var found = new Dictionary<(Guid, Guid), string>();
        foreach (var notice in notices)
        {
            // 催办 goes to the unit's reporters; a 督办单's cause names the unit ("escalate:{period}:{unit}").
            Guid? unit = notice.Kind is "Escalation" or "4"
                ? Guid.TryParse(notice.Cause.Split(':').Last(), out var named) ? named : null
                : units.TryGetValue(notice.Recipient, out var own) ? own : null;
            if (unit is not { } lead)
            {
                continue;
            }

            foreach (Match listed in Listed().Matches(notice.Body))
            {
                if (taskNumbers.TryGetValue(listed.Groups["number"].Value, out var task)
                    && reports.TryGetValue((task, lead), out var stored)
                    && stored.State is ReportState.Submitted or ReportState.Accepted)
                {
                    var letter = notice.Kind is "Escalation" or "4" ? "督办单" : "催办";
                    found.TryAdd(
                        (task, lead),
                        $"任务{listed.Groups["number"].Value} is {stored.State} in reporting but listed in a {letter}");
                }
            }
        }

        return found;
    }

    [GeneratedRegex("· 任务(?<number>[^：]+)：")]
    private static partial Regex Listed();
}
