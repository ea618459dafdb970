namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Splits unit names printed without a separator ("区发展改革委区财政局"). With the district's directory (import through
/// the service) a name is split only into names and aliases the directory has; without it (offline parsing) it is split
/// after a unit suffix (局 委 办 中心 公司 院 会 队 所 馆 站 行 部) where the next name starts as names do (区, 市, 县, 各…),
/// and the caller reports the guess.
/// </summary>
internal sealed class GluedUnitNames(IReadOnlyCollection<string>? directory)
{
    private static readonly string[] Suffixes = ["中心", "公司", "局", "委", "办", "院", "会", "队", "所", "馆", "站", "行", "部"];

    private static readonly string[] Starts = ["区", "市", "县", "各", "国网", "中国", "团区委"];

    private readonly HashSet<string>? known = directory is null ? null
        : directory.Select(Key).Where(k => k.Length >= 2).ToHashSet(StringComparer.Ordinal);

    public bool HasDirectory => known is not null;

    /// <summary>
    /// The names a printed name is made of, or null when it is one name (or cannot be split with confidence).
    /// </summary>
    public IReadOnlyList<string>? Split(string name)
    {
        var key = Key(name);
        if (key.Length != name.Length || key.Length < 6)
        {
            return null;
        }

        if (known is not null)
        {
            if (known.Contains(key))
            {
                return null;
            }

            if (SplitKnown(name, key) is { } byDirectory)
            {
                return byDirectory;
            }
        }

        return SplitOnSuffixes(name, key);
    }

    /// <summary>Fewest directory names that make up the whole name (dynamic programming over the positions).</summary>
    private List<string>? SplitKnown(string name, string key)
    {
        var best = new int[key.Length + 1];
        var from = new int[key.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= key.Length; end++)
        {
            for (var start = Math.Max(0, end - 40); start <= end - 2; start++)
            {
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && known!.Contains(key[start..end]))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[key.Length] is int.MaxValue or < 2)
        {
            return null;
        }

        var parts = new List<string>();
        for (var end = key.Length; end > 0; end = from[end])
        {
            parts.Insert(0, name[from[end]..end]);
        }

        return parts;
    }

    private static List<string>? SplitOnSuffixes(string name, string key)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 2; i < key.Length - 1; i++)
        {
            var endsUnit = Suffixes.Any(s =>
                i - start > s.Length && string.CompareOrdinal(key, i - s.Length, s, 0, s.Length) == 0);
            var startsUnit = Starts.Any(s => string.CompareOrdinal(key, i, s, 0, s.Length) == 0);
            if (endsUnit && startsUnit && i - start >= 3 && key.Length - i >= 3)
            {
                parts.Add(name[start..i]);
                start = i;
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        parts.Add(name[start..]);
        return parts.All(UnitAnnotationParser.LooksLikeUnit) ? parts : null;
    }

    private static string Key(string name) => TextNormalizer.Normalize(name).Trim();
}
