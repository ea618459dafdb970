using Platform.MultiTenancy;

namespace Platform.Units.Domain;

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

    /// <summary>
    /// The address and program the token was issued to (the sign-in, or the refresh that rotated it).
    /// </summary>
    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }
}
