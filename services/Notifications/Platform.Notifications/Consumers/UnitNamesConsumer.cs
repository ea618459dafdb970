using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;

namespace Platform.Notifications.Consumers;

/// <summary>
/// A unit renamed in the directory: the reports it owes name it as it is now (what a reminder, a 催办 or a 督办单
/// prints), by the directory's version, so an older event arriving late changes nothing. Merges are
/// <see cref="UnitMergedConsumer"/>'s.
/// </summary>
public sealed class UnitNamesConsumer(NotificationsDbContext db, ILogger<UnitNamesConsumer> logger)
    : InboxConsumer<UnitChanged, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        UnitChanged message,
        ConsumeContext<UnitChanged> context,
        CancellationToken cancellationToken)
    {
        if (message.Change == UnitChangeKind.Merged || !await Db.NewerUnitNameAsync(message, cancellationToken))
        {
            return;
        }

        await Db.OwedReports.Where(o => o.TenantId == message.TenantId
            && o.LeadUnitId == message.UnitId
            && o.LeadUnitName != message.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeadUnitName, message.Name), cancellationToken);
    }
}
