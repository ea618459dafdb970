using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>A person notifications are addressed to: this service's copy of an account (from AccountChanged).</summary>
public sealed class Recipient : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public Guid? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];

    public bool Disabled { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    /// <summary>
    /// The account's version this copy holds (<c>AccountChanged.Version</c>); 0 for one from an unversioned event.
    /// </summary>
    public int Version { get; set; }
}
