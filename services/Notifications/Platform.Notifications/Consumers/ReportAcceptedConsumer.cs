using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>An accepted report: its unit's reporters are told.</summary>
public sealed class ReportAcceptedConsumer(NotificationsDbContext db, NotificationWriter writer, ILogger<ReportAcceptedConsumer> logger)
    : InboxConsumer<ReportAccepted, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReportAccepted message, ConsumeContext<ReportAccepted> context, CancellationToken cancellationToken)
    {
        var owed = await ReportStates.ApplyAsync(Db, message.TenantId, message.TaskId, message.Period, message.LeadUnitId, message.ReportVersion, ItemState.Accepted, cancellationToken);
        await ReviewNotices.AddAsync(writer, message.TenantId, message.LeadUnitId, NotificationKind.ReportAccepted,
            $"accepted:{message.TaskId}:{message.Period}:{message.LeadUnitId}",
            $"月报已审核通过：任务{owed.FirstOrDefault()?.TaskNumber} {message.Period}", "区营商办已审核通过本月报告。", message.TaskId, message.Period, cancellationToken);
    }
}
