using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>Measures the error queues every Messaging:ErrorQueueInterval (30 s) for the metric and /health.</summary>
public sealed partial class ErrorQueueMonitor(
    ErrorQueues errorQueues, IConfiguration configuration, ILogger<ErrorQueueMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(
            configuration.GetValue("Messaging:ErrorQueueInterval", TimeSpan.FromSeconds(30)));
        uint previous = 0;
        do
        {
            try
            {
                var waiting = (uint)(await errorQueues.DepthsAsync(stoppingToken)).Sum(d => d.Error + d.Skipped);
                if (waiting > previous)
                {
                    LogWaiting(waiting);
                }

                previous = waiting;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnmeasured(ex.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "{Count} messages wait in this service's error queues; see /health and re-drive them with " +
            "`platform ops redrive`")]
    private partial void LogWaiting(uint count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The error queues could not be measured: {Reason}")]
    private partial void LogUnmeasured(string reason);
}
