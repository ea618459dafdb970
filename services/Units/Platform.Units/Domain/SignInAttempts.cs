namespace Platform.Units.Domain;

/// <summary>
/// The wrong passwords given for one username since its last successful sign-in, and its lock. Kept per username,
/// whether or not an account has it, so that an unknown name is slowed and locked exactly like a real one and the
/// answers never tell them apart. The platform's own table: sign-in happens before any tenant is known.
/// </summary>
public sealed class SignInAttempts
{
    public required string Username { get; set; }

    /// <summary>
    /// Wrong passwords counting towards a lock: within the failure window of each other, since the last lock.
    /// </summary>
    public int Consecutive { get; set; }

    /// <summary>
    /// Every wrong password since the last successful sign-in, told to the person when they next sign in.
    /// </summary>
    public int SinceLastSignIn { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
