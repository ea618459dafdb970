using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Portal;

/// <summary>Pages of a filtered, sorted list, and the links that move through them.</summary>
public static class Listing
{
    public const int DefaultPageSize = 20;

    /// <summary>Whether a task matches the search box: its text contains the words, or its number is them.</summary>
    public static bool Matches(string? query, string text, string number) =>
        string.IsNullOrWhiteSpace(query)
        || text.Contains(query.Trim(), StringComparison.Ordinal)
        || number == query.Trim();

    /// <summary>The items sorted by the chosen key (or the first), ascending or not, cut to the asked page.</summary>
    public static Paged<T> Page<T>(
        IEnumerable<T> items,
        IReadOnlyDictionary<string, Func<T, IComparable?>> sorts,
        string? sort,
        bool desc,
        int page,
        int pageSize = DefaultPageSize)
    {
        var list = items.ToList();
        if (sort is not null && sorts.TryGetValue(sort, out var key))
        {
            list = (desc ? list.OrderByDescending(key) : list.OrderBy(key)).ToList();
        }

        pageSize = Math.Clamp(pageSize, 5, 200);
        var pages = Math.Max(1, (list.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = list.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new Paged<T>(shown, page, pages, list.Count, pageSize);
    }

    /// <summary>The items in their given order, cut to the asked page.</summary>
    public static Paged<T> Page<T>(IEnumerable<T> items, int page, int pageSize = DefaultPageSize) =>
        Page(items, new Dictionary<string, Func<T, IComparable?>>(), null, false, page, pageSize);

    /// <summary>This page's address with some query values replaced (null removes one).</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                query.Remove(key);
            }
            else
            {
                query[key] = value;
            }
        }

        return QueryHelpers.AddQueryString(
            request.Path,
            query.Where(q => q.Value.Length > 0).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }

    /// <summary>A column header's link: sorts by the key, flipping the direction when already sorted by it.</summary>
    public static string SortLink(HttpRequest request, string key)
    {
        var current = request.Query["sort"].ToString();
        var desc = current == key && request.Query["desc"] != "1";
        return With(request, ("sort", key), ("desc", desc ? "1" : null), ("page", null));
    }

    public static string SortMark(HttpRequest request, string key) =>
        request.Query["sort"] == key ? (request.Query["desc"] == "1" ? " ▼" : " ▲") : string.Empty;
}
