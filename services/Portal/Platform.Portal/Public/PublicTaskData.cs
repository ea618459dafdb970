namespace Platform.Portal.Public;

/// <summary>A task as the public sees it; a null field is not public.</summary>
public sealed record PublicTaskData(
    string Number,
    string Text,
    string Status,
    IReadOnlyList<string>? LeadUnits,
    string? Deadline,
    string? Light,
    string? Progress,
    string? Problems);
