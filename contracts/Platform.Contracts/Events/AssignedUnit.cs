namespace Platform.Contracts.Events;

/// <summary>A unit a task is assigned to, by id and by its name at publication.</summary>
public sealed record AssignedUnit(Guid UnitId, string Name);
