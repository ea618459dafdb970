namespace Platform.Chaos;

/// <summary>
/// Each save writes a unique marker into the progress text, so that a check can tell which save is stored.
/// </summary>
public static class Markers
{
    private static long next;

    public static string New(string experiment) => $"[chaos:{experiment}:{Interlocked.Increment(ref next):D6}]";

    public static string? Find(string text)
    {
        var start = text.IndexOf("[chaos:", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = text.IndexOf(']', start);
        return end < 0 ? null : text[start..(end + 1)];
    }
}
