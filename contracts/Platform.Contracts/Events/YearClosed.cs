namespace Platform.Contracts.Events;

/// <summary>
/// The district office closed a year: its completion reports and assessment are frozen, and its unfinished tasks are
/// offered for carrying over (结转) into the next year's list.
/// </summary>
public sealed record YearClosed : ITenantScoped
{
    public required string TenantId { get; init; }
    public required int Year { get; init; }
    public required string ClosedBy { get; init; }
    public int TaskCount { get; init; }
    public int CompletedCount { get; init; }
    public IReadOnlyList<UnfinishedTask> Unfinished { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
}
