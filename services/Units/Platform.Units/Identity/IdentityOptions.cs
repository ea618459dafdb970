namespace Platform.Units.Identity;

public sealed class IdentityOptions
{
    public string Issuer { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultIssuer;

    public string Audience { get; set; } = Platform.ServiceDefaults.Security.AuthenticationExtensions.DefaultAudience;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Clients without a secret that may use the password grant (the CLI, the portal).</summary>
    public List<string> PublicClients { get; set; } = ["platform-cli", "platform-portal"];

    public int MinPasswordLength { get; set; } = 8;

    public int MinClientSecretLength { get; set; } = 16;

    /// <summary>When set, the account <c>platform.admin</c> is created with this password if it does not exist.</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>The platform's service clients and their secrets (client id → secret); see <see cref="ServiceClients"/>.</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = [];
}
