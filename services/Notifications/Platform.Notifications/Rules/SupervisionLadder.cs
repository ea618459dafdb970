using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.ServiceDefaults.Jobs;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Rules;

/// <summary>
/// The calendar's part of supervision, for every district at once: a reminder digest to each reporter whose unit owes
/// reports due within N days (only its own open items), 催办 once they are overdue after the grace, and a 督办单 to the
/// unit's leader (unit-leader) and the district's office and leaders M days later. Each person gets each of these once
/// per month (cause keys); a district with nothing due hears nothing. What it is about to send is confirmed with
/// reporting first: only reports still owed there are listed, and a district whose answer cannot be had hears nothing
/// until the next pass. Each 督办单 is recorded once (<see cref="SupervisionNotice"/>) and announced as
/// SupervisionNoticeIssued through the outbox, in the transaction that writes its notifications.
/// </summary>
public sealed class SupervisionLadder(
    NotificationsDbContext db,
    NotificationWriter writer,
    IOwedConfirmation confirmation,
    IOutbox outbox,
    TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var open = await db.OwedReports.AsNoTracking()
            .Where(
                o => o.Active
                    && o.State == ItemState.Open
                    && o.DueOn >= today.AddDays(-90)
                    && o.DueOn <= today.AddDays(30))
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var district in open.GroupBy(o => o.TenantId))
        {
            // Another replica (or the timer beside a clock change) may be writing the same causes: its rows win, and
            // this pass retries the district, skipping what now exists.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var count = await NotifyAsync(district.Key, district.ToList(), today, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    added += count;
                    break;
                }
                catch (DbUpdateException ex) when (attempt < 3 && ex.IsUniqueViolation())
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return added;
    }

    private async Task<int> NotifyAsync(
        string tenant, List<OwedReport> open, DateOnly today, CancellationToken cancellationToken)
    {
        var settings = await writer.SettingsAsync(tenant, cancellationToken);
        var people = await writer.PeopleAsync(tenant, cancellationToken);
        var office = people.Where(
            p => p.Roles.Contains(PlatformRoles.DistrictAdmin) || p.Roles.Contains(PlatformRoles.DistrictLeader))
            .ToList();
        var unitLeaders = people.Where(p => p.Roles.Contains(PlatformRoles.UnitLeader)).ToLookup(p => p.UnitId);
        bool Reminds(DateOnly due) => settings.ReminderEnabled
            && today >= due.AddDays(-settings.ReminderDaysBefore)
            && today <= due;
        bool Chases(DateOnly due) => (settings.OverdueEnabled || settings.EscalationEnabled)
            && today > due.AddDays(settings.OverdueAfterDays);
        var candidates = open.Where(o => Reminds(o.DueOn) || Chases(o.DueOn)).ToList();
        if (candidates.Count == 0
            || await confirmation.StillOwedAsync(tenant, candidates, cancellationToken) is not { } stillOwed)
        {
            return 0;
        }

        var notifications = new List<Notification>();
        var periods = candidates.Select(o => o.Period).Distinct().ToList();
        var issued = (await db.SupervisionNotices
                .Where(n => n.TenantId == tenant && periods.Contains(n.Period))
                .Select(n => new { n.UnitId, n.Period })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UnitId, n.Period))
            .ToHashSet();
        foreach (
            var unit in candidates.Where(o => stillOwed.Contains(o.Id))
                .GroupBy(o => (o.Period, o.DueOn, o.LeadUnitId, o.LeadUnitName)))
        {
            var (period, due, unitId, unitName) = unit.Key;
            var items = unit.OrderBy(o => o.TaskOrder).ToList();
            var overdueFrom = due.AddDays(settings.OverdueAfterDays);
            if (Reminds(due))
            {
                notifications.AddRange(
                    ToReporters(people, tenant, unitId, NotificationKind.Reminder, $"remind:{period}",
                    $"提醒：{period} 月报将于 {due:yyyy-MM-dd} 截止，尚有 {items.Count} 项未报",
                    Digest($"{unitName}以下任务的 {period} 月报尚未报送：", items), period));
            }

            if (settings.OverdueEnabled && today > overdueFrom)
            {
                notifications.AddRange(
                    ToReporters(people, tenant, unitId, NotificationKind.Overdue, $"overdue:{period}",
                    $"催办：{period} 月报已逾期，{items.Count} 项未报",
                    Digest($"{unitName}以下任务的 {period} 月报已于 {due:yyyy-MM-dd} 到期，宽限期已过，请立即报送：", items), period));
            }

            if (settings.EscalationEnabled && today > overdueFrom.AddDays(settings.EscalateAfterDays))
            {
                notifications.AddRange(office.Concat(unitLeaders[unitId]).Select(person => new Notification
                {
                    TenantId = tenant, RecipientId = person.Id, Kind = NotificationKind.Escalation,
                    CauseKey = $"escalate:{period}:{unitId}", Period = period,
                    Title = $"督办单：{unitName} {period} 月报逾期未报 {items.Count} 项",
                    Body = Digest($"{unitName}以下任务的 {period} 月报催办后仍未报送，请督促落实：", items),
                }));
                if (issued.Add((unitId, period)))
                {
                    Issue(tenant, unitId, unitName, period, items);
                }
            }
        }

        return await writer.AddAsync(notifications, cancellationToken);
    }

    /// <summary>
    /// Records a 督办单 and hands its event to the outbox: both are saved with the pass's notifications or not at all,
    /// and the row's id (the same for the same unit and month) is the notice's key downstream.
    /// </summary>
    private void Issue(string tenant, Guid unit, string unitName, string period, List<OwedReport> items)
    {
        var id = SupervisionNotice.IdOf(tenant, unit, period);
        var now = clock.GetUtcNow();
        db.SupervisionNotices.Add(new SupervisionNotice
        {
            Id = id, TenantId = tenant, UnitId = unit, Period = period, IssuedAt = now,
        });
        outbox.Enqueue(new SupervisionNoticeIssued
        {
            TenantId = tenant,
            UnitId = unit,
            UnitName = unitName,
            Period = period,
            TaskIds = items.Select(o => o.TaskId).Distinct().ToList(),
            NoticeId = id,
            OccurredAt = now,
        });
    }

    private static IEnumerable<Notification> ToReporters(
        List<Recipient> people, string tenant, Guid unit, NotificationKind kind, string cause, string title,
        string body, string period) =>
        people.Where(p => p.UnitId == unit && p.Roles.Contains(NotificationWriter.Reporter))
            .Select(person => new Notification
        {
            TenantId = tenant, RecipientId = person.Id, Kind = kind, CauseKey = cause, Title = title, Body = body,
            Period = period,
        });

    private static string Digest(string heading, IEnumerable<OwedReport> items)
    {
        var text = new StringBuilder(heading);
        foreach (var item in items)
        {
            text.Append($"\n· 任务{item.TaskNumber}：{item.TaskText}");
        }

        return text.ToString();
    }
}
