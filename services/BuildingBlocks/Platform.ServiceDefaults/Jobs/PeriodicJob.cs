using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Jobs;

/// <summary>
/// A job a service runs on a timer of the injected clock (so tests and the demo's adjustable clock drive it): each pass
/// in a scope of its own, as the system rather than a caller's district, and a failed pass logged and tried again on
/// the next tick — one failure never stops the job.
/// </summary>
public abstract partial class PeriodicJob(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>Time between passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for its log lines ("Recomputing lights").</summary>
    protected abstract string Name { get; }

    /// <summary>Whether the first pass runs at start-up rather than after the first interval.</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>One pass, with the services of its scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        if (RunsAtStart)
        {
            await PassAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PassAsync(stoppingToken);
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem(Name);
            await RunAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(Logger, Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
