using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// A person who signs in. Usernames are unique across the platform; the tenant comes from here into the token.
/// </summary>
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

    /// <summary>
    /// Set by a password the office gave (a new account's, a reset): the person chooses their own before signing in.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Access tokens issued before this instant no longer count (the account was disabled, its password reset or
    /// changed, its unit or roles changed): every host refuses them once it has the revocation list.
    /// </summary>
    public DateTimeOffset? TokensValidAfter { get; set; }

    /// <summary>
    /// Counts every change; the event carries it so that a copy elsewhere applies only what is newer.
    /// </summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
