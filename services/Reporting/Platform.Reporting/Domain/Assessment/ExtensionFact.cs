namespace Platform.Reporting.Domain.Assessment;

/// <summary>An extension (延期) a unit asked for a task.</summary>
public sealed record ExtensionFact(string TaskNumber, DateOnly RequestedOn);
