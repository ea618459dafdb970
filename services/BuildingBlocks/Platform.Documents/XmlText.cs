using System.Text.RegularExpressions;

namespace Platform.Documents;

/// <summary>
/// Text as an Office document may hold it. XML 1.0 allows no C0 control but tab, line feed and carriage return, no
/// lone surrogate and neither U+FFFE nor U+FFFF; a part holding one is refused by Excel, Word and WPS, so every writer
/// drops them. The request rules already refuse controls; this is the writers' own guard.
/// </summary>
public static partial class XmlText
{
    /// <summary><paramref name="text"/> without the characters XML cannot carry; null becomes empty.</summary>
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : NotInXml().Replace(text, m => m.Length == 2 ? m.Value : string.Empty);

    /// <summary>A surrogate pair (kept) or a single character XML does not allow (dropped).</summary>
    [GeneratedRegex(@"[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]")]
    private static partial Regex NotInXml();
}
