namespace Platform.Units.Identity;

public sealed class IdentityOptions
{
    public string Issuer { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultIssuer;

    public string Audience { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultAudience;

    /// <summary>
    /// Where the platform's hosts reach this service (<c>Identity:Authority</c>, the value they are given too). The
    /// discovery document names its endpoints under it, never under the Host header of the request that asked: a caller
    /// must not be able to point another host's key lookup somewhere else. Without it (a single development host, tests)
    /// the endpoints are named under <c>http://localhost</c>.
    /// </summary>
    public string? Authority { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Clients without a secret that may use the password grant (the CLI, the portal).</summary>
    public List<string> PublicClients { get; set; } = ["platform-cli", "platform-portal"];

    public int MinPasswordLength { get; set; } = 8;

    public int MinClientSecretLength { get; set; } = 16;

    /// <summary>When set, the account <c>platform.admin</c> is created with this password if it does not exist.</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>How repeated wrong passwords slow down and then lock a username.</summary>
    public SignInLimitOptions SignIn { get; set; } = new();

    /// <summary>The token endpoint's own limit per client address, on this service's port.</summary>
    public TokenRateLimitOptions TokenRateLimit { get; set; } = new();

    /// <summary>The platform's service clients and their secrets (client id → secret); see <see cref="ServiceClients"/>.</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = [];
}

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

/// <summary>
/// A fixed window per client address for <c>/connect/token</c> on this service's own port
/// (<c>Identity:TokenRateLimit</c>), so that calling the service directly, around the gateway, is limited too.
/// </summary>
public sealed class TokenRateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
