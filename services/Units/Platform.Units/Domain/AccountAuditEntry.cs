using Platform.MultiTenancy;

namespace Platform.Units.Domain;

/// <summary>
/// One change of a person's account, as the district office sees it: who did what, when, and the account before and
/// after (never a password or its hash).
/// </summary>
public sealed class AccountAuditEntry : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid AccountId { get; set; }

    public required string Action { get; set; }

    /// <summary>The username (or client id) of who made the change.</summary>
    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account as JSON (jsonb), null for a new one.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }
}

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
