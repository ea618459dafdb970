namespace Platform.Units.Identity;

public sealed class IdentityOptions
{
    public string Issuer { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultIssuer;

    public string Audience { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultAudience;

    /// <summary>
    /// Where the platform's hosts reach this service (<c>Identity:Authority</c>, the value they are given too). The
    /// discovery document names its endpoints under it, never under the Host header of the request that asked: a caller
    /// must not be able to point another host's key lookup somewhere else. Without it (a single development host,
    /// tests) the endpoints are named under <c>http://localhost</c>.
    /// </summary>
    public string? Authority { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Clients without a secret that may use the password grant (the CLI, the portal).</summary>
    public List<string> PublicClients { get; set; } = ["platform-cli", "platform-portal"];

    public int MinPasswordLength { get; set; } = 8;

    public int MinClientSecretLength { get; set; } = 16;

    /// <summary>
    /// When set, the account <c>platform.admin</c> is created with this password if it does not exist.
    /// </summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>How repeated wrong passwords slow down and then lock a username.</summary>
    public SignInLimitOptions SignIn { get; set; } = new();

    /// <summary>The token endpoint's own limit per client address, on this service's port.</summary>
    public TokenRateLimitOptions TokenRateLimit { get; set; } = new();

    /// <summary>
    /// The platform's service clients and their secrets (client id → secret); see <see cref="ServiceClients"/>.
    /// </summary>
    public Dictionary<string, string> ServiceClients { get; set; } = [];
}
