namespace Platform.Contracts.Events;

public enum UnitChangeKind
{
    Created,
    Renamed,
    AliasAdded,
    MembersChanged,
}

/// <summary>A unit of a tenant's directory was created or changed; consumers refresh their copy of its names.</summary>
public sealed record UnitChanged : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid UnitId { get; init; }
    public required UnitChangeKind Change { get; init; }
    public required string Name { get; init; }
    public string? PreviousName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public bool IsGroup { get; init; }
    public int Version { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
