using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// A returned completion report (年度完成情况): the lead unit's reporters are told why, once per return. A return
/// older than what this service already knows of the report (it was resubmitted or accepted since) tells nobody.
/// </summary>
public sealed class CompletionReturnedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<CompletionReturnedConsumer> logger)
    : InboxConsumer<CompletionReportReturned, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        CompletionReportReturned message,
        ConsumeContext<CompletionReportReturned> context,
        CancellationToken cancellationToken)
    {
        if (!await CompletionStates.ApplyAsync(Db, message, ItemState.Open, cancellationToken))
        {
            return;
        }

        var number = await CompletionStates.NumberAsync(Db, message.TaskId, cancellationToken);
        await ReviewNotices.AddAsync(
            writer,
            message.TenantId,
            message.LeadUnitId,
            NotificationKind.CompletionReturned,
            $"ye-returned:{message.TaskId:N}:{message.Year}:{message.LeadUnitId:N}:{message.ReportVersion}:"
                + message.OccurredAt.UtcTicks,
            $"年度完成情况被退回：任务{number} {message.Year}年",
            $"退回意见：{message.Comment}\n请修改后重新报送。",
            message.TaskId,
            null,
            cancellationToken);
    }
}
