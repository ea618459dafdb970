using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Consumers;

/// <summary>
/// Applies a report event's state only if it is newer than what this service holds (reporting's per-report version),
/// to the report's state and to the owed-report rows the ladder reads. Submitted, returned and accepted arrive on
/// separate queues in any order; whatever the order, duplicates or replays, the result is reporting's latest state.
/// A closed task's rows stay closed. An event from a publisher that sent no version (0) is applied only over rows
/// that never saw a versioned one.
/// </summary>
internal static class ReportStates
{
    /// <summary>
    /// Serialises, per district, applying a list against everything else that writes report states and owed rows: a
    /// list being applied reads the report states to start its rows from, and a report event committing in between
    /// would otherwise find no row to update and be overwritten by the list's older snapshot. Held until the
    /// consumer's transaction ends.
    /// </summary>
    public static Task LockDistrictAsync(
        NotificationsDbContext db,
        string tenant,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtext({DistrictKey(tenant)}))",
            cancellationToken);

    /// <summary>
    /// What a report event or a task's decision takes instead: the district's lock shared (no list is applied
    /// meanwhile, but the district's other tasks go on in parallel — at the month-end peak one district's events
    /// would otherwise queue behind each other) and the task's own lock, so that two events of one task apply one after
    /// the other. Lists never take a task's lock, so the two orders cannot deadlock.
    /// </summary>
    public static Task LockTaskAsync(
        NotificationsDbContext db,
        string tenant,
        Guid task,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            SELECT pg_advisory_xact_lock_shared(hashtext({DistrictKey(tenant)})),
                pg_advisory_xact_lock(hashtext({DistrictKey(tenant) + ":" + task.ToString("N")}))
            """,
            cancellationToken);

    private static string DistrictKey(string tenant) => "owed:" + tenant;

    public static async Task<List<OwedReport>> ApplyAsync(
        NotificationsDbContext db, ReportRef report, ItemState state, CancellationToken cancellationToken)
    {
        var (tenant, task, period, lead, version) = report;
        await LockTaskAsync(db, tenant, task, cancellationToken);
        var held = await db.ReportStates.SingleOrDefaultAsync(
            r => r.TaskId == task && r.Period == period && r.LeadUnitId == lead,
            cancellationToken);
        if (held is null)
        {
            db.ReportStates.Add(new ReportState
            {
                TenantId = tenant,
                TaskId = task,
                Period = period,
                LeadUnitId = lead,
                Version = version,
                State = state,
            });
        }
        else if (Newer(version, held.Version))
        {
            held.Version = version;
            held.State = state;
        }

        var owed = await db.OwedReports
            .Where(o => o.TaskId == task && o.Period == period && o.LeadUnitId == lead)
            .ToListAsync(cancellationToken);
        foreach (var row in owed.Where(o => Newer(version, o.ReportVersion)))
        {
            row.ReportVersion = version;
            if (row.State != ItemState.Closed)
            {
                row.State = state;
            }
        }

        return owed;
    }

    private static bool Newer(int version, int held) => version == 0 ? held == 0 : version > held;
}
