using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>An accepted report: its unit's reporters are told.</summary>
public sealed class ReportAcceptedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<ReportAcceptedConsumer> logger)
    : InboxConsumer<ReportAccepted, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        ReportAccepted message,
        ConsumeContext<ReportAccepted> context,
        CancellationToken cancellationToken)
    {
        var report = ReportRef.Of(message);
        var owed = await ReportStates.ApplyAsync(Db, report, ItemState.Accepted, cancellationToken);
        const string body = "区营商办已审核通过本月报告。";
        var title = $"月报已审核通过：任务{owed.FirstOrDefault()?.TaskNumber} {message.Period}";
        var cause = $"accepted:{message.TaskId}:{message.Period}:{message.LeadUnitId}";
        await ReviewNotices.AddAsync(
            writer, report, NotificationKind.ReportAccepted, cause, title, body, cancellationToken);
    }
}
