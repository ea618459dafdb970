namespace Platform.Reporting.Public;

/// <summary>
/// A task as the public sees it: number, text and public status; the rest only where the office ticked it.
/// </summary>
public sealed record PublicTask(
    string Number,
    string Text,
    string Status,
    IReadOnlyList<string>? LeadUnits = null,
    string? Deadline = null,
    string? Light = null,
    string? Progress = null,
    string? Problems = null);
