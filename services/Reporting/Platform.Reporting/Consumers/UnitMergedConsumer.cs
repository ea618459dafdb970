using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Consumers;

/// <summary>
/// Two units merged (<see cref="UnitChangeKind.Merged"/>): what the merged unit leads or shares becomes the other
/// unit's, with its reports, requests, contributions and evidence, and the lights are recomputed — so the unit that
/// took over sees every open task and draft, and nothing the merged unit handed in is ever owed again. Other unit
/// changes are not this service's concern.
/// </summary>
/// <remarks>
/// A task both units led has two reports for a month and keeps one: the one further along (accepted, then submitted,
/// then a draft or returned one; the taking-over unit's when equal). It carries the higher version of the two, so the
/// notification service — which applies the same rule to its own copy — never takes a later event of it for an old
/// one. The other report stays, under the merged unit, and the task's audit names both.
/// </remarks>
public sealed class UnitMergedConsumer(ReportingDbContext db, LightProjector lights, ILogger<UnitMergedConsumer> logger)
    : InboxConsumer<UnitChanged, ReportingDbContext>(db, logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task HandleAsync(
        UnitChanged message,
        ConsumeContext<UnitChanged> context,
        CancellationToken cancellationToken)
    {
        if (message is not { Change: UnitChangeKind.Merged, MergedIntoId: { } into }
            || !await Db.RecordMergeAsync(message, cancellationToken))
        {
            return;
        }

        var (from, tenant) = (message.UnitId, message.TenantId);
        var intoName = await Db.UnitNameAsync(into, message.MergedIntoName ?? string.Empty, cancellationToken);
        var merges = new UnitMerges(new Dictionary<Guid, (Guid, string)> { [from] = (into, intoName) });
        var tasks = await Db.Tasks.Where(t => t.TenantId == tenant
            && (t.LeadUnitIds.Contains(from) || t.ResponsibleUnitIds.Contains(from)))
            .ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            var (leads, responsible) = merges.Resolve(
                Named(task.LeadUnitIds, task.LeadUnitNames),
                Named(task.ResponsibleUnitIds, task.ResponsibleUnitNames));
            (task.LeadUnitIds, task.LeadUnitNames) = (
                leads.Select(u => u.UnitId).ToList(),
                leads.Select(u => u.Name).ToList());
            (task.ResponsibleUnitIds, task.ResponsibleUnitNames) = (
                responsible.Select(u => u.UnitId).ToList(),
                responsible.Select(u => u.Name).ToList());
        }

        var taskIds = tasks.Select(t => t.Id).ToList();
        await MoveReportsAsync(tenant, from, into, message.OccurredAt, cancellationToken);
        await Db.Requests.Where(r => r.TenantId == tenant && r.LeadUnitId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeadUnitId, into), cancellationToken);
        await Db.Evidence.Where(e => e.TenantId == tenant && e.UnitId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UnitId, into), cancellationToken);
        // A contribution of the other unit to the same month stands; the merged unit's then stays its own.
        await Db.Contributions.Where(c => c.TenantId == tenant && c.UnitId == from)
            .Where(c => !Db.Contributions.Any(o => o.TaskId == c.TaskId && o.Period == c.Period && o.UnitId == into))
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.UnitId, into).SetProperty(c => c.UnitName, intoName),
                cancellationToken);

        await Db.Lights
            .Where(l => taskIds.Contains(l.TaskId) && l.LeadUnitId == from)
            .ExecuteDeleteAsync(cancellationToken);
        var active = tasks.Where(t => t.Active).ToList();
        foreach (var list in active.GroupBy(t => t.TaskListId))
        {
            var periods = await Db.Periods
                .Where(p => p.TaskListId == list.Key)
                .OrderBy(p => p.Month)
                .ToListAsync(cancellationToken);
            foreach (var period in periods)
            {
                await lights.ProjectAsync(list.ToList(), period, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The merged unit's reports become the other unit's; where both reported on a month, the rule above decides. Done
    /// in SQL statements that each keep (task, month, lead) unique, so the light projection reads the result.
    /// </summary>
    private async Task MoveReportsAsync(
        string tenant,
        Guid from,
        Guid into,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var moving = await Db.Reports
            .AsNoTracking()
            .Where(r => r.TenantId == tenant && r.LeadUnitId == from)
            .ToListAsync(cancellationToken);
        var taskIds = moving.Select(r => r.TaskId).Distinct().ToList();
        var held = (await Db.Reports
            .AsNoTracking()
            .Where(r => r.LeadUnitId == into && taskIds.Contains(r.TaskId))
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TaskId, r.Period));
        foreach (var report in moving)
        {
            var other = held.GetValueOrDefault((report.TaskId, report.Period));
            var keepsMoving = other is null || Rank(report.Status) > Rank(other.Status);
            Db.Audit.Add(new AuditEntry
            {
                TenantId = tenant,
                TaskId = report.TaskId,
                Period = report.Period,
                Action = "unit-merged",
                Actor = "system",
                At = at,
                Before = JsonSerializer.Serialize(
                    new { leadUnitId = from, report = Summary(report), other = other is null ? null : Summary(other) },
                    Json),
                After = JsonSerializer.Serialize(
                    new { leadUnitId = into, stands = keepsMoving ? report.Id : other!.Id },
                    Json),
            });
            if (other is null)
            {
                await SetAsync(report.Id, into, report.Version, cancellationToken);
                continue;
            }

            var version = Math.Max(report.Version, other.Version);
            if (keepsMoving)
            {
                // Swapped in three steps: (task, month, lead) is unique at every statement.
                await SetAsync(report.Id, Guid.NewGuid(), report.Version, cancellationToken);
                await SetAsync(other.Id, from, other.Version, cancellationToken);
                await SetAsync(report.Id, into, version, cancellationToken);
            }
            else
            {
                await SetAsync(other.Id, into, version, cancellationToken);
            }
        }
    }

    private static IEnumerable<AssignedUnit> Named(List<Guid> ids, List<string> names) =>
        ids.Select((id, i) => new AssignedUnit(id, i < names.Count ? names[i] : string.Empty));

    private Task SetAsync(Guid reportId, Guid lead, int version, CancellationToken cancellationToken) =>
        Db.Reports.Where(r => r.Id == reportId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LeadUnitId, lead).SetProperty(r => r.Version, version),
                cancellationToken);

    /// <summary>How far along a report is: the merge keeps the one further along.</summary>
    public static int Rank(ReportStatus status) => status switch
    {
        ReportStatus.Accepted => 3,
        ReportStatus.Submitted => 2,
        _ => 1,
    };

    private static object Summary(ProgressReport report) =>
        new { report.Id, status = report.Status.ToString(), report.Version, report.Progress };
}
