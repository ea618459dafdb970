namespace Platform.Units.Domain;

/// <summary>What an <see cref="AccountAuditEntry"/> records.</summary>
public static class AccountActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
}
