using Platform.MultiTenancy;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Domain;

/// <summary>Recomputes lights as time passes (a report that was due yesterday is now late), every few minutes.</summary>
public sealed partial class LightClock(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<LightClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Reporting:LightRefreshInterval", TimeSpan.FromMinutes(10));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem();
                var refreshed = await scope.ServiceProvider.GetRequiredService<LightProjector>().RefreshRecentPeriodsAsync(stoppingToken);
                LogRefreshed(refreshed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed the lights of {Count} task-periods")]
    private partial void LogRefreshed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing lights failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}

/// <summary>When a demo or test stack's clock is set (either way), every period within a year of the new day is recomputed.</summary>
public sealed class LightsOnClockChange(TenantContext tenant, LightProjector lights) : IClockChangeHandler
{
    public async Task OnClockChangedAsync(CancellationToken cancellationToken)
    {
        tenant.SetSystem();
        await lights.RefreshAsync(lights.Today.AddDays(-400), lights.Today.AddDays(400), cancellationToken);
    }
}
