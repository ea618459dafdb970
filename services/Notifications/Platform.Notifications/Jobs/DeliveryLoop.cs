using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.Notifications.Channels;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Notifications.Jobs;

/// <summary>
/// Runs the dispatcher every few seconds (Notifications:DeliveryInterval) in a transaction of its own.
/// </summary>
public sealed class DeliveryLoop(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DeliveryLoop> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval =>
        configuration.GetValue("Notifications:DeliveryInterval", TimeSpan.FromSeconds(2));

    protected override string Name => "Sending deliveries";

    protected override bool RunsAtStart => false;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await services.GetRequiredService<DeliveryDispatcher>().RunOnceAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
