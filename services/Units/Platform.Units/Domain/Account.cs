using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>A person who signs in. Usernames are unique across the platform; the tenant comes from here into the token.</summary>
public sealed class Account : ITenantEntity
{
    public const int MaxUsernameLength = 64;

    public const int MaxEmailLength = 254;

    public const int MaxMobileLength = 20;

    public Guid Id { get; set; }

    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public required string TenantId { get; set; }

    public Guid? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];

    public required string PasswordHash { get; set; }

    public bool IsDisabled { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    /// <summary>Set by a password the office gave (a new account's, a reset): the person chooses their own before signing in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Access tokens issued before this instant no longer count (the account was disabled, its password reset or
    /// changed, its unit or roles changed): every host refuses them once it has the revocation list.
    /// </summary>
    public DateTimeOffset? TokensValidAfter { get; set; }

    /// <summary>Counts every change; the event carries it so that a copy elsewhere applies only what is newer.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A system that calls the platform with OAuth2 client credentials (渝快政, a data platform).</summary>
public sealed class IntegrationClient : ITenantEntity
{
    public required string ClientId { get; set; }

    public required string DisplayName { get; set; }

    public required string TenantId { get; set; }

    public List<string> Scopes { get; set; } = [];

    public required string SecretHash { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A refresh token, stored only as its hash; rotated on every use. The tokens of one sign-in share its
/// <see cref="SessionId"/>, which the person sees in their list of sessions and can end.
/// </summary>
public sealed class RefreshToken : ITenantEntity
{
    public const int MaxUserAgentLength = 200;

    public required string TokenHash { get; set; }

    public Guid AccountId { get; set; }

    public required string TenantId { get; set; }

    public Guid SessionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the person ended this token's session; its access tokens are then refused by every host.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The address and program the token was issued to (the sign-in, or the refresh that rotated it).</summary>
    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }
}
