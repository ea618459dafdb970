namespace Platform.Portal;

/// <summary>One page of a filtered, sorted list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total, int PageSize);
