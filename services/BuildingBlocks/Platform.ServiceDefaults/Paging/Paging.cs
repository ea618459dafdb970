using System.Globalization;

// The namespace stays that of the errors it throws: every list method's file already imports it for them.
namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Offset paging as every list method does it: a page size within bounds and an opaque next-page token.
/// </summary>
public readonly record struct Paging(int Offset, int Size)
{
    public static Paging From(int pageSize, string pageToken, int defaultSize, int maxSize)
    {
        if (pageSize < 0 || pageSize > maxSize)
        {
            throw new ValidationException("page_size", $"must be between 1 and {maxSize}");
        }

        var offset = 0;
        if (pageToken.Length > 0
            && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw new ValidationException("page_token", "is not a token this service issued");
        }

        return new Paging(offset, pageSize == 0 ? defaultSize : pageSize);
    }

    /// <summary>The token of the page after one of <paramref name="returned"/> items, or empty at the end.</summary>
    public string NextToken(int returned, int total) =>
        Offset + returned < total ? (Offset + returned).ToString(CultureInfo.InvariantCulture) : string.Empty;
}
