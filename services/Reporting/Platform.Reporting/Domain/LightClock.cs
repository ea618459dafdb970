using Platform.MultiTenancy;
using Platform.ServiceDefaults.Jobs;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Domain;

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

/// <summary>
/// When a demo or test stack's clock is set (either way), every period within a year of the new day is recomputed.
/// </summary>
public sealed class LightsOnClockChange(TenantContext tenant, LightProjector lights) : IClockChangeHandler
{
    public async Task OnClockChangedAsync(CancellationToken cancellationToken)
    {
        using (tenant.AsSystem("the lights after a clock change"))
        {
            await lights.RefreshAsync(lights.Today.AddDays(-400), lights.Today.AddDays(400), cancellationToken);
        }
    }
}
