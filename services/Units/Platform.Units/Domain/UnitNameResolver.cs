namespace Platform.Units.Domain;

/// <summary>
/// Maps names as printed in a document to the units of one tenant: exact name, exact alias, then the same after
/// normalisation, including the district's own name written out ("渝中区市场监管局" for "区市场监管局").
/// What matches nothing is reported with the closest units as suggestions — never guessed.
/// </summary>
public sealed class UnitNameResolver
{
    private const double SuggestionThreshold = 0.4;
    private const int MaxSuggestions = 3;

    private readonly IReadOnlyList<Unit> units;
    private readonly Dictionary<string, Unit> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unit> byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unit> byNormalized = new(StringComparer.Ordinal);
    private readonly string[] ownPrefixes;

    /// <param name="units">The tenant's units with their aliases.</param>
    /// <param name="tenantName">The tenant's name (渝中区), and the parent's (重庆市), as prefixes a document may
    /// write out.</param>
    public UnitNameResolver(IReadOnlyList<Unit> units, string? tenantName, string? parentName)
    {
        this.units = units;
        foreach (var unit in units)
        {
            byName.TryAdd(unit.Name, unit);
            byNormalized.TryAdd(unit.NormalizedName, unit);
            foreach (var alias in unit.Aliases)
            {
                byAlias.TryAdd(alias.Alias, unit);
                byNormalized.TryAdd(alias.NormalizedAlias, unit);
            }
        }

        var prefixes = new List<string>();
        if (!string.IsNullOrWhiteSpace(tenantName))
        {
            var district = UnitNames.Normalize(tenantName);
            if (!string.IsNullOrWhiteSpace(parentName))
            {
                prefixes.Add(UnitNames.Normalize(parentName) + district);
            }

            prefixes.Add(district);
        }

        ownPrefixes = [.. prefixes];
    }

    public NameResolution Resolve(string printed)
    {
        var name = printed.Trim();
        if (byName.TryGetValue(name, out var unit))
        {
            return new(printed, unit, NameMatch.Name, []);
        }

        if (byAlias.TryGetValue(name, out unit))
        {
            return new(printed, unit, NameMatch.Alias, []);
        }

        foreach (var candidate in Variants(UnitNames.Normalize(name)))
        {
            if (byNormalized.TryGetValue(candidate, out unit))
            {
                return new(printed, unit, NameMatch.Normalized, []);
            }
        }

        var suggestions = units.Select(u => (Unit: u, Score: u.Aliases.Select(a => UnitNames.Similarity(
                name,
                a.Alias)).Append(UnitNames.Similarity(name, u.Name)).Max()))
            .Where(x => x.Score >= SuggestionThreshold)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(x => x.Unit)
            .ToList();
        return new(printed, null, NameMatch.None, suggestions);
    }

    /// <summary>
    /// The normalised name, then with the district's written-out name shortened to 区 as lists print it.
    /// </summary>
    private IEnumerable<string> Variants(string normalized)
    {
        yield return normalized;
        foreach (var prefix in ownPrefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal) && normalized.Length > prefix.Length)
            {
                var rest = normalized[prefix.Length..];
                yield return rest.StartsWith('区') ? rest : "区" + rest;
            }
        }
    }
}
