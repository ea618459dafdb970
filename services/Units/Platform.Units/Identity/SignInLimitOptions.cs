namespace Platform.Units.Identity;

/// <summary>
/// Per-username sign-in limits (<c>Identity:SignIn</c>). The lock is decided by the real clock, never the demo's
/// adjustable one: moving the demo into 2023 must neither lift nor extend a lock.
/// </summary>
public sealed class SignInLimitOptions
{
    /// <summary>Consecutive wrong passwords that lock the username.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked username refuses every password, the right one included.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords further apart than this start counting towards a lock again.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait added to a refusal for each earlier failure still counting (none for the first).</summary>
    public TimeSpan DelayStep { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a refusal waits; every refusal while locked waits this long.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
