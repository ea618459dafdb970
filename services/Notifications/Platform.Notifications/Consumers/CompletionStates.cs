using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Consumers;

/// <summary>
/// Keeps the newest version of each completion report told to this service and says whether an event is newer: a
/// returned event delivered after the acceptance that followed it (separate queues, a backlog, a replay under a new
/// message id) must not tell the unit its report was returned. Same rule as monthly reports: an event without a
/// version (0) counts only over a report that never saw a versioned one.
/// </summary>
internal static class CompletionStates
{
    public static async Task<bool> ApplyAsync(
        NotificationsDbContext db, CompletionReportEvent message, ItemState state, CancellationToken cancellationToken)
    {
        // The task's lock, as the monthly reports take it: two events of one report apply one after the other.
        await ReportStates.LockTaskAsync(db, message.TenantId, message.TaskId, cancellationToken);
        var held = await db.CompletionStates.SingleOrDefaultAsync(
            c => c.TaskId == message.TaskId && c.Year == message.Year && c.LeadUnitId == message.LeadUnitId,
            cancellationToken);
        if (held is null)
        {
            db.CompletionStates.Add(new CompletionState
            {
                TenantId = message.TenantId,
                TaskId = message.TaskId,
                Year = message.Year,
                LeadUnitId = message.LeadUnitId,
                Version = message.ReportVersion,
                State = state,
            });
            return true;
        }

        var version = message.ReportVersion;
        if (version == 0 ? held.Version != 0 : version <= held.Version)
        {
            return false;
        }

        held.Version = version;
        held.State = state;
        return true;
    }

    /// <summary>The task's number in the district's list, as the owed reports know it (empty before a list).</summary>
    public static async Task<string> NumberAsync(
        NotificationsDbContext db, Guid task, CancellationToken cancellationToken) =>
        await db.OwedReports.Where(o => o.TaskId == task)
            .Select(o => o.TaskNumber)
            .FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
}
