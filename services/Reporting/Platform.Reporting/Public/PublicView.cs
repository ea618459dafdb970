namespace Platform.Reporting.Public;

/// <summary>
/// A district's public page, exactly as the anonymous read answers it: a field the office did not make public is
/// null and left out of the JSON.
/// </summary>
public sealed record PublicView(
    string DistrictCode,
    string DistrictName,
    int? Year,
    int TaskCount,
    int CompletedCount,
    int InProgressCount,
    int NotStartedCount,
    decimal CompletionRate,
    IReadOnlyList<PublicCategory> Categories,
    PublicSummary? Summary,
    IReadOnlyList<PublicChange>? Changes,
    DateTimeOffset? PublishedAt);
