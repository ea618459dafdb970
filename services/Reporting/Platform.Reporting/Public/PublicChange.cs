namespace Platform.Reporting.Public;

/// <summary>An entry of the public feed: the page published or withdrawn, or a task's public status changed.</summary>
public sealed record PublicChange(
    long Id,
    DateTimeOffset At,
    string Kind,
    string? TaskNumber = null,
    string? TaskText = null,
    string? Status = null);
