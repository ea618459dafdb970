namespace Platform.Contracts.Events;

/// <summary>
/// An unfinished task of a closed year was carried over, matched to a new task, or closed as not continued.
/// </summary>
public sealed record TaskCarriedOver : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid FromTaskId { get; init; }
    public required int FromYear { get; init; }
    public required CarryOverDecision Decision { get; init; }

    /// <summary>The task of the new list (carried or matched); null when dropped.</summary>
    public Guid? ToTaskId { get; init; }
    public required int ToYear { get; init; }
    public string? Reason { get; init; }
    public required string DecidedBy { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
