using Platform.MultiTenancy;
using Platform.Reporting.Rollups;

namespace Platform.Reporting.Jobs;

/// <summary>
/// Keeps the divisions' roll-ups within a tick of the districts' totals (Reporting:Rollups:Interval, 2 seconds): a
/// full recount at start, which also repairs a pass that died half-way, then the changed district months each tick.
/// </summary>
public sealed partial class RollupWorker(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RollupWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Reporting:Rollups:Interval", TimeSpan.FromSeconds(2));
        var rebuilt = false;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("roll-ups");
                var rollups = scope.ServiceProvider.GetRequiredService<DivisionRollups>();
                if (!rebuilt)
                {
                    LogRebuilt(await rollups.RebuildAsync(stoppingToken));
                    rebuilt = true;
                }
                else if (await rollups.RefreshAsync(stoppingToken) is > 0 and var written)
                {
                    LogRefreshed(written);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(
        Level = LogLevel.Information, Message = "Recounted every division's roll-up at start ({Count} rows written)")]
    private partial void LogRebuilt(int count);

    [LoggerMessage(
        Level = LogLevel.Debug, Message = "Recounted the divisions above changed districts ({Count} rows written)")]
    private partial void LogRefreshed(int count);

    [LoggerMessage(
        Level = LogLevel.Error, Message = "Recounting the divisions' roll-ups failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
