namespace Platform.Contracts.Events;

/// <summary>A district published a version of its annual list; every task with its assignments.</summary>
public sealed record TaskListPublished : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskListId { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }
    public Guid? SupersedesTaskListId { get; init; }
    public string? DocNumber { get; init; }
    public string? Title { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? ReportingCadence { get; init; }
    public string? DueRule { get; init; }
    public string? ReportTo { get; init; }
    public IReadOnlyList<PublishedTask> Tasks { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
}
