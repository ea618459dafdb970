using System.Collections.Frozen;
using System.Security.Claims;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The accounts whose access tokens issued before some instant no longer count — disabled, a password reset or
/// changed, a unit or roles changed — and the districts suspended, as the units service last listed them (<c>GET
/// /connect/revocations</c>). Every host refuses such a token after validating its signature, so a person the office
/// disabled loses access within one poll (<c>Identity:RevocationPollInterval</c>, 15 s) rather than when the token
/// expires. A token is refused when its
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

        if (principal.FindFirst(PlatformClaims.Subject)?.Value is not { } subject
            || !validAfter.TryGetValue(subject, out var after))
        {
            return false;
        }

        // A token without an issue time cannot show it came after.
        return !long.TryParse(principal.FindFirst("iat")?.Value, out var issuedAt) || issuedAt < after;
    }
}
