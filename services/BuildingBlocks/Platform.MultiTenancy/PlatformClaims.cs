namespace Platform.MultiTenancy;

/// <summary>Claim types in the platform's access tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Tenant = "tenant";
    public const string Unit = "unit";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>
    /// The sign-in session a person's token belongs to: one per sign-in with a password, kept by its refreshes.
    /// </summary>
    public const string Session = "sid";
}
