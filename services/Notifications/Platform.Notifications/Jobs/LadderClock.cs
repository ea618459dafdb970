using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Notifications.Jobs;

/// <summary>
/// Runs the ladder every few minutes (Notifications:LadderInterval) and whenever a demo or test stack's clock is set.
/// </summary>
public sealed partial class LadderClock(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<LadderClock> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval =>
        configuration.GetValue("Notifications:LadderInterval", TimeSpan.FromMinutes(10));

    protected override string Name => "The supervision ladder";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        LogPass(Logger, await services.GetRequiredService<SupervisionLadder>().RunAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Debug, Message = "The supervision ladder added {Count} notifications")]
    private static partial void LogPass(ILogger logger, int count);
}
