using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>A person's channels besides the inbox (which is always on).</summary>
public sealed class Preference : ITenantEntity
{
    public Guid RecipientId { get; set; }

    public required string TenantId { get; set; }

    public string? Email { get; set; }

    public bool EmailEnabled { get; set; }
}
