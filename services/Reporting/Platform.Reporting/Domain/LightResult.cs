namespace Platform.Reporting.Domain;

public sealed record LightResult(Light Light, IReadOnlyList<string> Reasons, bool Disagreement);
