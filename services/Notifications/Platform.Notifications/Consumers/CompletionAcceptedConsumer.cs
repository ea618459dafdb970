using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// An accepted completion report: the lead unit's reporters are told the outcome that counts in the year's
/// assessment (完成 / 基本完成 / 未完成), once.
/// </summary>
public sealed class CompletionAcceptedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<CompletionAcceptedConsumer> logger)
    : InboxConsumer<CompletionReportAccepted, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        CompletionReportAccepted message,
        ConsumeContext<CompletionReportAccepted> context,
        CancellationToken cancellationToken)
    {
        if (!await CompletionStates.ApplyAsync(Db, message, ItemState.Accepted, cancellationToken))
        {
            return;
        }

        var number = await CompletionStates.NumberAsync(Db, message.TaskId, cancellationToken);
        await ReviewNotices.AddAsync(
            writer,
            message.TenantId,
            message.LeadUnitId,
            NotificationKind.CompletionAccepted,
            $"ye-accepted:{message.TaskId:N}:{message.Year}:{message.LeadUnitId:N}:{message.ReportVersion}",
            $"年度完成情况已审核通过：任务{number} {message.Year}年",
            $"区营商办已审核通过本任务的年度完成情况，认定为：{message.Outcome}。",
            message.TaskId,
            null,
            cancellationToken);
    }
}
