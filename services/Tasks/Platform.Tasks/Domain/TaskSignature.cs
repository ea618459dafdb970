using Platform.MultiTenancy;

namespace Platform.Tasks.Domain;

public sealed class TaskSignature : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskItemId { get; set; }

    public Guid UnitId { get; set; }

    public required string SignedBy { get; set; }

    public DateTimeOffset SignedAt { get; set; }
}
