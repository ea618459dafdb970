using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Consumers;

/// <summary>
/// Keeps each 督办单 a unit received, for the year's assessment. The inbox skips a redelivered message; the notice's
/// own key also skips the same notice sent again as another message (a retried send, a replay).
/// </summary>
public sealed class SupervisionNoticeConsumer(ReportingDbContext db, ILogger<SupervisionNoticeConsumer> logger)
    : InboxConsumer<SupervisionNoticeIssued, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        SupervisionNoticeIssued message,
        ConsumeContext<SupervisionNoticeIssued> context,
        CancellationToken cancellationToken)
    {
        if (!PeriodKey.TryParse(message.Period, out _, out _))
        {
            logger.LogWarning("督办单 {NoticeId} names no month ({Period}); not counted", message.NoticeId, message.Period);
            return;
        }

        var known = await Db.ReceivedNotices.AnyAsync(
            n => n.TenantId == message.TenantId && n.NoticeId == message.NoticeId,
            cancellationToken);
        if (known)
        {
            return;
        }

        Db.ReceivedNotices.Add(new ReceivedNotice
        {
            TenantId = message.TenantId, NoticeId = message.NoticeId, UnitId = message.UnitId,
            UnitName = message.UnitName.Length > 200 ? message.UnitName[..200] : message.UnitName,
            Period = message.Period, TaskIds = message.TaskIds.Take(500).ToList(), OccurredAt = message.OccurredAt,
        });
    }
}
