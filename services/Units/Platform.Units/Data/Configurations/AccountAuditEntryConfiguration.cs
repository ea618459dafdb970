using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class AccountAuditEntryConfiguration()
    : AuditEntryConfiguration<AccountAuditEntry>("account_audit", a => a.AccountId);
