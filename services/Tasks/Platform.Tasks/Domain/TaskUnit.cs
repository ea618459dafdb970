using Platform.MultiTenancy;

namespace Platform.Tasks.Domain;

/// <summary>
/// A unit named by a task, as printed, and the directory unit it resolved to (null while unresolved).
/// </summary>
public sealed class TaskUnit : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskItemId { get; set; }

    public UnitRole Role { get; set; }

    public int Order { get; set; }

    public required string PrintedName { get; set; }

    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }
}
