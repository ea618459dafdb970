namespace Platform.Units.Domain;

/// <summary>
/// One change of a person's account, as the district office sees it: who did what, when, and the account before and
/// after (never a password or its hash). The actor is the username (or client id) of who made the change.
/// </summary>
public sealed class AccountAuditEntry : AuditEntry
{
    public Guid AccountId { get; set; }
}
