using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;

namespace Platform.Units.Identity;

/// <summary>
/// The revocation list every host polls: the accounts whose sessions ended (disabled, a password reset or changed, a
/// unit or roles changed) within the access tokens' lifetime, with the second from which their tokens count again, the
/// suspended districts, and the sign-in sessions their owners ended within that lifetime.
/// Older revocations need no entry: every token issued before them has expired. The units service reads it straight
/// from its database; the other hosts fetch it from <c>GET /connect/revocations</c>, which the gateway does not route.
/// It names account ids only, and can only take access away: a forged list would have to be served from inside the
/// cluster to anyone, and would at most let a revoked token live until it expires.
/// </summary>
public sealed class AccountRevocations(
    IServiceScopeFactory scopes, IOptions<IdentityOptions> options, TimeProvider clock) : ITokenRevocationSource
{
    public const string Path = HttpTokenRevocationSource.Path;

    public Task<RevocationList> FetchAsync(CancellationToken cancellationToken) => ListAsync(cancellationToken);

    public async Task<RevocationList> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("the revocation list");
        var db = scope.ServiceProvider.GetRequiredService<UnitsDbContext>();
        var now = clock.GetUtcNow();
        // A minute beyond the lifetime covers the validators' clock skew.
        var since = now - options.Value.AccessTokenLifetime - TimeSpan.FromMinutes(1);
        var revoked = await db.Accounts.AsNoTracking()
            .Where(a => a.TokensValidAfter > since)
            .Select(a => new { a.Id, a.TokensValidAfter })
            .ToListAsync(cancellationToken);
        var suspended = await db.Tenants.AsNoTracking()
            .Where(t => t.SuspendedAt != null)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var ended = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.EndedAt > since)
            .Select(t => t.SessionId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return new RevocationList(
            now,
            [
                .. revoked.Select(
                    a => new RevokedAccount(a.Id.ToString(), a.TokensValidAfter!.Value.ToUnixTimeSeconds()))],
            suspended,
            [.. ended.Select(s => s.ToString())]);
    }
}
