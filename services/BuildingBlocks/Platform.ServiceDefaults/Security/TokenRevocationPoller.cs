using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Fetches the revocation list at start and every <c>Identity:RevocationPollInterval</c>. While the source cannot be
/// reached the last list stays in force (and the failure is logged); tokens still expire on their own.
/// </summary>
public sealed partial class TokenRevocationPoller(
    IServiceProvider services, TokenRevocations revocations, IConfiguration configuration, TimeProvider clock,
    ILogger<TokenRevocationPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService(typeof(ITokenRevocationSource)) is not ITokenRevocationSource source)
        {
            LogNoSource(logger);
            return;
        }

        var interval = configuration.GetValue("Identity:RevocationPollInterval", TimeSpan.FromSeconds(15));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                revocations.Replace(await source.FetchAsync(stoppingToken), clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFetchFailed(logger, ex, revocations.RefreshedAt);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No token revocation list (neither Identity:Authority nor a local source): disabled accounts' " +
            "access tokens count until they expire")]
    private static partial void LogNoSource(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not fetch the token revocation list; the one fetched at {RefreshedAt} stays in force")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, DateTimeOffset? refreshedAt);
}
