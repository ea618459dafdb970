using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Consumers;

/// <summary>A submitted report is no longer owed: the ladder stops reminding its unit.</summary>
public sealed class ReportSubmittedConsumer(NotificationsDbContext db, ILogger<ReportSubmittedConsumer> logger)
    : InboxConsumer<ReportSubmitted, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ReportSubmitted message, ConsumeContext<ReportSubmitted> context, CancellationToken cancellationToken) =>
        ReportStates.ApplyAsync(Db, message.TenantId, message.TaskId, message.Period, message.LeadUnitId, message.ReportVersion, ItemState.Submitted, cancellationToken);
}
