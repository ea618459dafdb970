using Platform.Units.Domain;

namespace Platform.Units.Data.Configurations;

internal sealed class UnitAuditEntryConfiguration()
    : AuditEntryConfiguration<UnitAuditEntry>("unit_audit", a => a.UnitId);
