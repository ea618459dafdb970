using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// The wrong passwords given for one username since its last successful sign-in, and its lock. Kept per username,
/// whether or not an account has it, so that an unknown name is slowed and locked exactly like a real one and the
/// answers never tell them apart. The platform's own table: sign-in happens before any tenant is known.
/// </summary>
public sealed class SignInAttempts
{
    public required string Username { get; set; }

    /// <summary>Wrong passwords counting towards a lock: within the failure window of each other, since the last lock.</summary>
    public int Consecutive { get; set; }

    /// <summary>Every wrong password since the last successful sign-in, told to the person when they next sign in.</summary>
    public int SinceLastSignIn { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A username of the district locked after repeated wrong passwords: the district office's sign-in audit.</summary>
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

    /// <summary>The address the locking attempt came from, as this service saw it (the browser's behind a trusted gateway).</summary>
    public string? ClientAddress { get; set; }
}

/// <summary>
/// One attempt to sign in to an account with its password, whatever came of it: the person's own sign-in history
/// (time, address, program, outcome). Attempts on a username no account has are only counted (<see cref="SignInAttempts"/>).
/// </summary>
public sealed class SignInEvent : ITenantEntity
{
    /// <summary>How long the history is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="SignInOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>What came of a sign-in attempt.</summary>
public static class SignInOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>A wrong password, or the right one while the username is locked (the answer does not tell them apart).</summary>
    public const string Refused = "refused";

    public const string Disabled = "disabled";

    public const string Suspended = "suspended";

    /// <summary>The right password given by the office, without the person's own new one yet.</summary>
    public const string PasswordChangeRequired = "password-change-required";
}
