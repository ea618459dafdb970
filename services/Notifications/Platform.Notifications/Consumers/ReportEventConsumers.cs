using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Consumers;

/// <summary>A submitted report is no longer owed: the ladder stops reminding its unit.</summary>
public sealed class ReportSubmittedConsumer(NotificationsDbContext db, ILogger<ReportSubmittedConsumer> logger)
    : InboxConsumer<ReportSubmitted, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ReportSubmitted message, ConsumeContext<ReportSubmitted> context, CancellationToken cancellationToken) =>
        ReportStates.ApplyAsync(Db, message.TenantId, message.TaskId, message.Period, message.LeadUnitId, message.ReportVersion, ItemState.Submitted, cancellationToken);
}

/// <summary>
/// A returned report is owed again (unless a newer version of it is already known), and its unit's reporters are told
/// why — even when the event arrives late: the office's comment is history worth having, and the notice is written once.
/// </summary>
public sealed class ReportReturnedConsumer(NotificationsDbContext db, NotificationWriter writer, ILogger<ReportReturnedConsumer> logger)
    : InboxConsumer<ReportReturned, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReportReturned message, ConsumeContext<ReportReturned> context, CancellationToken cancellationToken)
    {
        var owed = await ReportStates.ApplyAsync(Db, message.TenantId, message.TaskId, message.Period, message.LeadUnitId, message.ReportVersion, ItemState.Open, cancellationToken);
        await ReviewNotices.AddAsync(writer, message.TenantId, message.LeadUnitId, NotificationKind.ReportReturned,
            $"returned:{message.TaskId}:{message.Period}:{message.LeadUnitId}:{message.OccurredAt.UtcTicks}",
            $"月报被退回：任务{owed.FirstOrDefault()?.TaskNumber} {message.Period}", $"退回意见：{message.Comment}\n请修改后重新报送。",
            message.TaskId, message.Period, cancellationToken);
    }
}

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

/// <summary>An extension or closure decided: the lead unit's reporters are told; a verified closure owes nothing more.</summary>
public sealed class TaskRequestDecidedConsumer(NotificationsDbContext db, NotificationWriter writer, ILogger<TaskRequestDecidedConsumer> logger)
    : InboxConsumer<TaskRequestDecided, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(TaskRequestDecided message, ConsumeContext<TaskRequestDecided> context, CancellationToken cancellationToken)
    {
        var closure = message.Kind == "Closure";
        await ReportStates.LockTaskAsync(Db, message.TenantId, message.TaskId, cancellationToken);
        var owed = await Db.OwedReports.Where(o => o.TaskId == message.TaskId).ToListAsync(cancellationToken);
        if (closure && message.Approved)
        {
            var today = ChinaTime.DateOf(message.OccurredAt);
            owed.Where(o => o.DueOn >= today && o.State == ItemState.Open).ToList().ForEach(o => o.State = ItemState.Closed);
        }

        var number = owed.FirstOrDefault()?.TaskNumber;
        var verdict = message.Approved ? (closure ? "已核验通过" : "已批准") : (closure ? "未通过核验" : "未获批准");
        var detail = message.Approved && message.GrantedDeadline is { } deadline ? $"新的完成时限：{deadline:yyyy-MM-dd}。" : string.Empty;
        await ReviewNotices.AddAsync(writer, message.TenantId, message.LeadUnitId, closure ? NotificationKind.ClosureDecided : NotificationKind.ExtensionDecided,
            $"decided:{message.RequestId}", $"{(closure ? "办结申请" : "延期申请")}{verdict}：任务{number}",
            $"{detail}{(string.IsNullOrEmpty(message.Comment) ? string.Empty : "意见：" + message.Comment)}".Trim(), message.TaskId, null, cancellationToken);
    }
}

internal static class ReviewNotices
{
    public static async Task AddAsync(
        NotificationWriter writer, string tenant, Guid unit, NotificationKind kind, string cause, string title, string body, Guid? task, string? period,
        CancellationToken cancellationToken)
    {
        if (!(await writer.SettingsAsync(tenant, cancellationToken)).ReviewEnabled)
        {
            return;
        }

        var reporters = await writer.ReportersAsync(tenant, unit, cancellationToken);
        await writer.AddAsync(reporters.Select(r => new Notification
        {
            TenantId = tenant, RecipientId = r.Id, Kind = kind, CauseKey = cause, Title = title, Body = body.Length == 0 ? title : body, TaskId = task, Period = period,
        }).ToList(), cancellationToken);
    }
}

/// <summary>
/// Keeps the copy of people to address. A reporter who joins after the list was published (or whose account arrives
/// after the list) gets the assignment of its unit's tasks all the same — once, under the same cause.
/// </summary>
public sealed class AccountChangedConsumer(NotificationsDbContext db, NotificationWriter writer, ILogger<AccountChangedConsumer> logger)
    : InboxConsumer<AccountChanged, NotificationsDbContext>(db, logger)
{
    protected override async Task HandleAsync(AccountChanged message, ConsumeContext<AccountChanged> context, CancellationToken cancellationToken)
    {
        var recipient = await Db.Recipients.SingleOrDefaultAsync(r => r.Id == message.AccountId, cancellationToken);
        if (recipient is null)
        {
            recipient = new Recipient { Id = message.AccountId, TenantId = message.TenantId, Username = message.Username, DisplayName = message.DisplayName };
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
        if (message.Disabled || message.UnitId is not { } unit || !recipient.Roles.Contains(NotificationWriter.Reporter) ||
            !(await writer.SettingsAsync(message.TenantId, cancellationToken)).AssignmentEnabled)
        {
            return;
        }

        var owed = await Db.OwedReports.AsNoTracking().Where(o => o.TenantId == message.TenantId && o.Active && o.LeadUnitId == unit)
            .Select(o => new { o.TaskListId, o.TaskNumber, o.TaskOrder, o.TaskText, o.LeadUnitName }).Distinct().ToListAsync(cancellationToken);
        await writer.AddAsync(owed.GroupBy(o => o.TaskListId).Select(list => Assignments.For(
            recipient, list.Key, unit, list.First().LeadUnitName, "任务清单",
            list.OrderBy(o => o.TaskOrder).Select(o => (o.TaskNumber, o.TaskText)).ToList())).ToList(), cancellationToken);
    }
}
