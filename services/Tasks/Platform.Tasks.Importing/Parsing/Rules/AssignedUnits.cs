namespace Platform.Tasks.Importing.Parsing;

/// <summary>The units a task ends up with, and the names split to get them.</summary>
internal sealed record AssignedUnits(
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Responsibles,
    IReadOnlyList<string> Leaders,
    IReadOnlyList<(string Name, IReadOnlyList<string> Parts)> Splits);
