using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>
/// After a completion report accepted as 完成 (→ 已完成): the task's public status is recorded again,
/// and a change goes into the district's public feed.
/// Only districts that have a public page are tracked.
/// </summary>
public sealed class PublicStatusOnCompletionReportAccepted(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger<PublicStatusOnCompletionReportAccepted> logger)
    : InboxConsumer<CompletionReportAccepted, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        CompletionReportAccepted message,
        ConsumeContext<CompletionReportAccepted> context,
        CancellationToken cancellationToken)
    {
        if (await Db.PublicPages.AnyAsync(p => p.TenantId == message.TenantId, cancellationToken))
        {
            await tracker.StageAsync(message.TenantId, [message.TaskId], clock.GetUtcNow(), cancellationToken);
        }
    }
}
