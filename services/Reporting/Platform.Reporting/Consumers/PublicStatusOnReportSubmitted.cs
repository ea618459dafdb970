using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>
/// After a monthly report submitted (未开始 → 推进中): the task's public status is recorded again,
/// and a change goes into the district's public feed.
/// Only districts that have a public page are tracked.
/// </summary>
public sealed class PublicStatusOnReportSubmitted(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger<PublicStatusOnReportSubmitted> logger)
    : InboxConsumer<ReportSubmitted, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        ReportSubmitted message,
        ConsumeContext<ReportSubmitted> context,
        CancellationToken cancellationToken)
    {
        if (await Db.PublicPages.AnyAsync(p => p.TenantId == message.TenantId, cancellationToken))
        {
            await tracker.StageAsync(message.TenantId, [message.TaskId], clock.GetUtcNow(), cancellationToken);
        }
    }
}
