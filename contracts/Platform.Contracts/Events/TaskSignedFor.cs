namespace Platform.Contracts.Events;

/// <summary>A lead unit's reporter signed for a published task (签收).</summary>
public sealed record TaskSignedFor : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid TaskListId { get; init; }
    public required string Number { get; init; }
    public required Guid UnitId { get; init; }
    public required string SignedBy { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
