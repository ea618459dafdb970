namespace Platform.Portal.Public;

/// <summary>
/// An entry of the public feed: "published", "unpublished" or "status" (a task's public status changed).
/// </summary>
public sealed record PublicChangeData(
    long Id,
    DateTimeOffset At,
    string Kind,
    string? TaskNumber,
    string? TaskText,
    string? Status);
