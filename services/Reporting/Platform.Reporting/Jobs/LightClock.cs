using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Reporting.Jobs;

/// <summary>
/// Recomputes lights as time passes (a report that was due yesterday is now late), every few minutes.
/// </summary>
public sealed partial class LightClock(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<LightClock> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval =>
        configuration.GetValue("Reporting:LightRefreshInterval", TimeSpan.FromMinutes(10));

    protected override string Name => "Recomputing lights";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        LogRefreshed(
            Logger, await services.GetRequiredService<LightProjector>().RefreshRecentPeriodsAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed the lights of {Count} task-periods")]
    private static partial void LogRefreshed(ILogger logger, int count);
}
