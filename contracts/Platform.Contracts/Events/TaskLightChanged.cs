namespace Platform.Contracts.Events;

/// <summary>
/// A task's computed light changed for a period (a report was late, a target fell behind, a report was accepted).
/// </summary>
public sealed record TaskLightChanged : TaskUnitEvent
{
    public required string Period { get; init; }
    public required string Previous { get; init; }
    public required string Light { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
