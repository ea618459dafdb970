namespace Platform.Portal.Public;

/// <summary>
/// A district's public page as reporting serves it (GET /public/v1/{code}), or as the office's preview shows it: a
/// field the office did not make public is null and never rendered.
/// </summary>
public sealed record PublicPageData(
    string DistrictCode,
    string DistrictName,
    int? Year,
    int TaskCount,
    int CompletedCount,
    int InProgressCount,
    int NotStartedCount,
    decimal CompletionRate,
    IReadOnlyList<PublicCategoryData> Categories,
    PublicSummaryData? Summary,
    IReadOnlyList<PublicChangeData>? Changes,
    DateTimeOffset? PublishedAt);
