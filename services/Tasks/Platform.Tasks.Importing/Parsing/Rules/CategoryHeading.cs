namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A category heading's title and the sentence after it: "市场准入。（牵头单位…）" → 市场准入; "加强统筹协调。坚持…" →
/// 加强统筹协调, with "坚持…" as the category's body text (kept, never dropped).
/// </summary>
internal static class CategoryHeading
{
    public static (string Title, string? Body) Read(string text, string textNorm)
    {
        var stop = textNorm.IndexOf('。');
        var title = stop >= 0 ? text[..stop] : text;
        var body = stop >= 0 ? text[(stop + 1)..].Trim() : "";
        return (
            TextNormalizer.CleanWhitespace(title).Trim().TrimEnd('.', ':', '：', ';', '；', ',', '，', '。'),
            body.Length > 0 ? TextNormalizer.CleanWhitespace(body) : null);
    }
}
