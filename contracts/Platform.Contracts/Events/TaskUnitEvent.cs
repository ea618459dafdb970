namespace Platform.Contracts.Events;

/// <summary>
/// What every event about one lead unit's work on a task carries: the report events, a light's change and the unit's
/// requests. A base of the contracts only: each event is published, consumed and serialised as its own type, with
/// these fields beside its own as before.
/// </summary>
public abstract record TaskUnitEvent : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid LeadUnitId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
