using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>A person who signs in. Usernames are unique across the platform; the tenant comes from here into the token.</summary>
public sealed class Account : ITenantEntity
{
    public const int MaxUsernameLength = 64;

    public Guid Id { get; set; }

    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public required string TenantId { get; set; }

    public Guid? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];

    public required string PasswordHash { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
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

/// <summary>A refresh token, stored only as its hash; rotated on every use.</summary>
public sealed class RefreshToken : ITenantEntity
{
    public required string TokenHash { get; set; }

    public Guid AccountId { get; set; }

    public required string TenantId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
