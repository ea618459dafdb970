using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// A returned report is owed again (unless a newer version of it is already known), and its unit's reporters are
/// told why — even when the event arrives late: the office's comment is history worth having, and the notice
/// is written once.
/// </summary>
public sealed class ReportReturnedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<ReportReturnedConsumer> logger)
    : InboxConsumer<ReportReturned, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        ReportReturned message,
        ConsumeContext<ReportReturned> context,
        CancellationToken cancellationToken)
    {
        var report = ReportRef.Of(message);
        var owed = await ReportStates.ApplyAsync(Db, report, ItemState.Open, cancellationToken);
        var cause = $"returned:{message.TaskId}:{message.Period}:{message.LeadUnitId}:{message.OccurredAt.UtcTicks}";
        await ReviewNotices.AddAsync(
            writer,
            report,
            NotificationKind.ReportReturned,
            cause,
            $"月报被退回：任务{owed.FirstOrDefault()?.TaskNumber} {message.Period}",
            $"退回意见：{message.Comment}\n请修改后重新报送。",
            cancellationToken);
    }
}
