using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Consumers;

/// <summary>
/// An extension or closure decided: the lead unit's reporters are told; a verified closure owes nothing more.
/// </summary>
public sealed class TaskRequestDecidedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<TaskRequestDecidedConsumer> logger)
    : InboxConsumer<TaskRequestDecided, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        TaskRequestDecided message,
        ConsumeContext<TaskRequestDecided> context,
        CancellationToken cancellationToken)
    {
        var closure = message.Kind == "Closure";
        await ReportStates.LockTaskAsync(Db, message.TenantId, message.TaskId, cancellationToken);
        var owed = await Db.OwedReports.Where(o => o.TaskId == message.TaskId).ToListAsync(cancellationToken);
        if (closure && message.Approved)
        {
            var today = ChinaTime.DateOf(message.OccurredAt);
            owed.Where(o => o.DueOn >= today && o.State == ItemState.Open)
                .ToList()
                .ForEach(o => o.State = ItemState.Closed);
        }

        var number = owed.FirstOrDefault()?.TaskNumber;
        var verdict = message.Approved
            ? (closure ? "已核验通过" : "已批准")
            : (closure ? "未通过核验" : "未获批准");
        var detail = message.Approved && message.GrantedDeadline is { } deadline
            ? $"新的完成时限：{deadline:yyyy-MM-dd}。"
            : string.Empty;
        await ReviewNotices.AddAsync(
            writer,
            message.TenantId,
            message.LeadUnitId,
            closure ? NotificationKind.ClosureDecided : NotificationKind.ExtensionDecided,
            $"decided:{message.RequestId}", $"{(closure ? "办结申请" : "延期申请")}{verdict}：任务{number}",
            $"{detail}{(string.IsNullOrEmpty(message.Comment) ? string.Empty : "意见：" + message.Comment)}".Trim(),
            message.TaskId,
            null,
            cancellationToken);
    }
}
