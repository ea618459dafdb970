using System.Collections.Frozen;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The accounts whose access tokens issued before some instant no longer count — disabled, a password reset or
/// changed, a unit or roles changed — and the districts suspended, as the units service last listed them (<c>GET /connect/revocations</c>). Every
/// host refuses such a token after validating its signature, so a person the office disabled loses access within one
/// poll (<c>Identity:RevocationPollInterval</c>, 15 s) rather than when the token expires. A token is refused when its
/// <c>iat</c> (whole seconds) is before the account's boundary, which the units service puts at the whole second after
/// the change and never issues a later token below.
/// </summary>
public sealed class TokenRevocations
{
    private volatile FrozenDictionary<string, long> validAfter = FrozenDictionary<string, long>.Empty;
    private volatile FrozenSet<string> suspended = FrozenSet<string>.Empty;
    private volatile FrozenSet<string> endedSessions = FrozenSet<string>.Empty;

    /// <summary>When the list was last fetched; null until the first fetch succeeded.</summary>
    public DateTimeOffset? RefreshedAt { get; private set; }

    public int Count => validAfter.Count;

    public void Replace(RevocationList list, DateTimeOffset at)
    {
        validAfter = list.Revoked.ToFrozenDictionary(r => r.Sub, r => r.ValidAfter, StringComparer.Ordinal);
        suspended = (list.SuspendedTenants ?? []).ToFrozenSet(StringComparer.Ordinal);
        endedSessions = (list.EndedSessions ?? []).ToFrozenSet(StringComparer.Ordinal);
        RefreshedAt = at;
    }

    /// <summary>
    /// Whether the token of <paramref name="principal"/> no longer counts: its district is suspended, its session was
    /// ended by its owner, or its account's tokens were revoked after it was issued.
    /// </summary>
    public bool IsRevoked(ClaimsPrincipal principal)
    {
        if (principal.FindFirst(PlatformClaims.Tenant)?.Value is { } tenant && suspended.Contains(tenant))
        {
            return true;
        }

        if (principal.FindFirst(PlatformClaims.Session)?.Value is { } session && endedSessions.Contains(session))
        {
            return true;
        }

        if (principal.FindFirst(PlatformClaims.Subject)?.Value is not { } subject || !validAfter.TryGetValue(subject, out var after))
        {
            return false;
        }

        // A token without an issue time cannot show it came after.
        return !long.TryParse(principal.FindFirst("iat")?.Value, out var issuedAt) || issuedAt < after;
    }
}

/// <summary>Where a host gets the revocation list.</summary>
public interface ITokenRevocationSource
{
    Task<RevocationList> FetchAsync(CancellationToken cancellationToken);
}

/// <summary>The list as the units service serves it (<c>Identity:Authority</c> + <c>/connect/revocations</c>).</summary>
public sealed class HttpTokenRevocationSource(HttpClient http) : ITokenRevocationSource
{
    public const string Path = "/connect/revocations";

    public async Task<RevocationList> FetchAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<RevocationList>(Path, cancellationToken)
        ?? throw new InvalidOperationException("The units service answered an empty revocation list.");
}

/// <summary>
/// The body of <c>GET /connect/revocations</c>: accounts whose tokens were revoked, districts suspended, and sign-in
/// sessions their owners ended (the tokens' <c>sid</c>).
/// </summary>
public sealed record RevocationList(
    DateTimeOffset IssuedAt, IReadOnlyList<RevokedAccount> Revoked, IReadOnlyList<string>? SuspendedTenants = null, IReadOnlyList<string>? EndedSessions = null);

/// <param name="Sub">The account id (the tokens' <c>sub</c>).</param>
/// <param name="ValidAfter">Unix seconds: tokens issued in an earlier second are refused.</param>
public sealed record RevokedAccount(string Sub, long ValidAfter);

/// <summary>
/// Fetches the revocation list at start and every <c>Identity:RevocationPollInterval</c>. While the source cannot be
/// reached the last list stays in force (and the failure is logged); tokens still expire on their own.
/// </summary>
public sealed partial class TokenRevocationPoller(
    IServiceProvider services, TokenRevocations revocations, IConfiguration configuration, TimeProvider clock, ILogger<TokenRevocationPoller> logger)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "No token revocation list (neither Identity:Authority nor a local source): disabled accounts' access tokens count until they expire")]
    private static partial void LogNoSource(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the token revocation list; the one fetched at {RefreshedAt} stays in force")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, DateTimeOffset? refreshedAt);
}
