namespace Platform.Contracts.Events;

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
    /// <summary>Set while the unit is retired: it keeps its history but takes no new assignment.</summary>
    public DateTimeOffset? RetiredAt { get; init; }
    /// <summary>
    /// Set once the unit was merged into another one: the unit that took over its names, people and work.
    /// </summary>
    public Guid? MergedIntoId { get; init; }

    /// <summary>The name of <see cref="MergedIntoId"/> at the time of the merge.</summary>
    public string? MergedIntoName { get; init; }

    public int Version { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
