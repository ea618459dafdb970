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
    protected override Task HandleAsync(
        ReportSubmitted message,
        ConsumeContext<ReportSubmitted> context,
        CancellationToken cancellationToken) =>
        ReportStates.ApplyAsync(Db, ReportRef.Of(message), ItemState.Submitted, cancellationToken);
}
