using Platform.MultiTenancy;

namespace Platform.Units.Domain;

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
