using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// One attempt to sign in to an account with its password, whatever came of it: the person's own
/// sign-in history (time, address, program, outcome). Attempts on a username no account has are only
/// counted (<see cref="SignInAttempts"/>).
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
