using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// A username of the district locked after repeated wrong passwords: the district office's sign-in audit.
/// </summary>
public sealed class SignInLockout : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid AccountId { get; set; }

    public required string Username { get; set; }

    public DateTimeOffset LockedAt { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>Wrong passwords since the account's last successful sign-in, when it was locked.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>
    /// The address the locking attempt came from, as this service saw it (the browser's behind a trusted gateway).
    /// </summary>
    public string? ClientAddress { get; set; }
}
