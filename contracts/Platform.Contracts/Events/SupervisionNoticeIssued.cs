namespace Platform.Contracts.Events;

/// <summary>
/// A 督办单 went out to a unit for reports still late after the 催办: the year's assessment counts each one.
/// </summary>
public sealed record SupervisionNoticeIssued : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string Period { get; init; }
    public IReadOnlyList<Guid> TaskIds { get; init; } = [];

    /// <summary>The notice's own key: the same notice delivered twice is counted once.</summary>
    public required Guid NoticeId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
