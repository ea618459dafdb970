using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// Keeps the copy of people to address. A reporter who joins after the list was published (or whose account arrives
/// after the list) gets the assignment of its unit's tasks all the same — once, under the same cause.
/// </summary>
public sealed class AccountChangedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<AccountChangedConsumer> logger)
    : InboxConsumer<AccountChanged, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        AccountChanged message,
        ConsumeContext<AccountChanged> context,
        CancellationToken cancellationToken)
    {
        var recipient = await Db.Recipients.SingleOrDefaultAsync(r => r.Id == message.AccountId, cancellationToken);
        if (recipient is null)
        {
            recipient = new Recipient
            {
                Id = message.AccountId,
                TenantId = message.TenantId,
                Username = message.Username,
                DisplayName = message.DisplayName,
            };
            Db.Recipients.Add(recipient);
        }
        else if (message.Version != 0 && message.Version <= recipient.Version)
        {
            return; // as old as what is held, or older (events of one account may arrive in any order)
        }

        recipient.Version = message.Version;
        recipient.Email = message.Email;
        recipient.Mobile = message.Mobile;
        recipient.Username = message.Username;
        recipient.DisplayName = message.DisplayName;
        recipient.UnitId = message.UnitId;
        recipient.Roles = message.Roles.ToList();
        recipient.Disabled = message.Disabled;
        if (message.Disabled ||
            message.UnitId is not { } unit ||
            !recipient.Roles.Contains(NotificationWriter.Reporter) ||
            !(await writer.SettingsAsync(message.TenantId, cancellationToken)).AssignmentEnabled)
        {
            return;
        }

        var owed = await Db.OwedReports
            .AsNoTracking()
            .Where(o => o.TenantId == message.TenantId && o.Active && o.LeadUnitId == unit)
            .Select(o => new { o.TaskListId, o.TaskNumber, o.TaskOrder, o.TaskText, o.LeadUnitName })
            .Distinct()
            .ToListAsync(cancellationToken);
        await writer.AddAsync(owed.GroupBy(o => o.TaskListId).Select(list => Assignments.For(
            recipient, list.Key, unit, list.First().LeadUnitName, "任务清单",
            list.OrderBy(o => o.TaskOrder).Select(o => (o.TaskNumber, o.TaskText)).ToList())).ToList(),
            cancellationToken);
    }
}
