namespace Platform.Units.Identity;

/// <summary>
/// Whether a password check may sign in, how long its refusal waits, and the failures since the last sign-in.
/// </summary>
public sealed record SignInVerdict(bool Allowed, TimeSpan Delay, int FailedAttemptsSinceLastSignIn)
{
    public static SignInVerdict Refused(TimeSpan delay) => new(false, delay, 0);

    public static SignInVerdict Granted(int failedAttempts) => new(true, TimeSpan.Zero, failedAttempts);
}
