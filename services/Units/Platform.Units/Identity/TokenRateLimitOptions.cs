namespace Platform.Units.Identity;

/// <summary>
/// A fixed window per client address for <c>/connect/token</c> on this service's own port
/// (<c>Identity:TokenRateLimit</c>), so that calling the service directly, around the gateway, is limited too.
/// </summary>
public sealed class TokenRateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
