namespace Platform.Units.Domain;

public sealed record NameResolution(string Name, Unit? Unit, NameMatch Match, IReadOnlyList<Unit> Suggestions);
