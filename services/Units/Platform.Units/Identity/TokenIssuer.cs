using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.MultiTenancy;
using Platform.Units.Domain;

namespace Platform.Units.Identity;

/// <summary>Signs access tokens: who, which tenant, which unit, which roles and scopes.</summary>
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<IdentityOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="session">The sign-in session the token belongs to (<see cref="RefreshToken.SessionId"/>), named in
    /// its <c>sid</c>.</param>
    public IssuedToken ForAccount(Account account, Guid session)
    {
        var scopes = RoleScopes.For(account.Roles);
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, account.Id.ToString()),
            new(PlatformClaims.Name, account.Username),
            new(PlatformClaims.Tenant, account.TenantId),
            new(PlatformClaims.Session, session.ToString()),
        };
        if (account.UnitId is { } unit)
        {
            claims.Add(new Claim(PlatformClaims.Unit, unit.ToString()));
        }

        claims.AddRange(account.Roles.Select(r => new Claim(PlatformClaims.Role, r)));
        return Issue(claims, scopes, account.TokensValidAfter);
    }

    public IssuedToken ForClient(IntegrationClient client, IReadOnlyList<string> scopes)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, "client:" + client.ClientId),
            new(PlatformClaims.Name, client.ClientId),
            new(PlatformClaims.ClientId, client.ClientId),
            new(PlatformClaims.Tenant, client.TenantId),
        };
        return Issue(claims, scopes);
    }

    /// <param name="validAfter">
    /// The account's <see cref="Account.TokensValidAfter"/>: a token issued after its sessions ended carries an issue
    /// time no earlier than that (at most a second ahead of the clock), so the revocation list never catches it.
    /// </param>
    private IssuedToken Issue(List<Claim> claims, IReadOnlyList<string> scopes, DateTimeOffset? validAfter = null)
    {
        var scope = string.Join(' ', scopes);
        claims.Add(new Claim(PlatformClaims.Scope, scope));
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = validAfter?.UtcDateTime > now ? validAfter.Value.UtcDateTime : now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = keys.Credentials,
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds, scope);
    }
}
