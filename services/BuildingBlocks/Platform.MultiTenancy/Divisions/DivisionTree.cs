using System.Collections.ObjectModel;
using System.Text;

namespace Platform.MultiTenancy;

/// <summary>
/// The GB/T 2260 divisions down to county level, as a tree. <see cref="DivisionCode"/> reads what a code's digits say;
/// only the table knows which codes exist, what they are called and where they hang: 500103's parent is 500000 because
/// 500100 市辖区 is no division. The table ships inside this assembly (Divisions/gbt2260.tsv, rebuilt by
/// tools/divisions/convert.mjs), so a lookup needs neither the database nor the network.
/// </summary>
public sealed class DivisionTree
{
    private const string ResourceName = "Platform.MultiTenancy.Divisions.gbt2260.tsv";

    // Lazy's default mode runs the load once even when the first callers race; the tree is never changed afterwards,
    // so readers share it without a lock.
    private static readonly Lazy<DivisionTree> StandardTree = new(LoadStandard);

    private readonly Dictionary<string, Division> byCode;
    private readonly Dictionary<string, ReadOnlyCollection<Division>> children;
    private readonly Dictionary<string, ReadOnlyCollection<Division>> countiesUnder;
    private readonly ReadOnlyCollection<Division> provinces;
    private readonly ReadOnlyCollection<Division> counties;

    private DivisionTree(List<Division> divisions)
    {
        divisions.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        byCode = new Dictionary<string, Division>(divisions.Count, StringComparer.Ordinal);
        foreach (var division in divisions)
        {
            if (!byCode.TryAdd(division.Code, division))
            {
                throw new InvalidDataException($"Division {division.Code} appears twice in the division table.");
            }
        }

        var childLists = new Dictionary<string, List<Division>>(StringComparer.Ordinal);
        var countyLists = new Dictionary<string, List<Division>>(StringComparer.Ordinal);
        var provinceList = new List<Division>();
        var countyList = new List<Division>();
        foreach (var division in divisions)
        {
            if (division.Parent is null)
            {
                if (division.Level != DivisionLevel.Province)
                {
                    throw new InvalidDataException($"Division {division.Code} has no parent but is no province.");
                }

                provinceList.Add(division);
                continue;
            }

            // Oversees also rules out cycles: a parent always has a shorter code prefix than its child.
            if (!byCode.ContainsKey(division.Parent) || !DivisionCode.Oversees(division.Parent, division.Code))
            {
                throw new InvalidDataException($"Division {division.Code} names {division.Parent} as parent, which " +
                    "does not oversee it.");
            }

            Append(childLists, division.Parent, division);
            if (division.Level == DivisionLevel.County)
            {
                countyList.Add(division);
                for (var parent = division.Parent; parent is not null; parent = byCode[parent].Parent)
                {
                    Append(countyLists, parent, division);
                }
            }
        }

        All = divisions.AsReadOnly();
        provinces = provinceList.AsReadOnly();
        counties = countyList.AsReadOnly();
        children = Freeze(childLists);
        countiesUnder = Freeze(countyLists);
    }

    /// <summary>The table shipped with the platform, read from the assembly on first use.</summary>
    public static DivisionTree Standard => StandardTree.Value;

    /// <summary>Every division, in code order.</summary>
    public IReadOnlyList<Division> All { get; }

    public Division? Find(string code) => byCode.GetValueOrDefault(code);

    public bool Contains(string code) => byCode.ContainsKey(code);

    /// <summary>
    /// The divisions directly under <paramref name="code"/> in code order, or the provinces for null. Empty for a
    /// county, for a prefecture-level city without counties (441900 东莞市) and for an unknown code.
    /// </summary>
    public IReadOnlyList<Division> Children(string? code) =>
        code is null ? provinces : children.GetValueOrDefault(code) ?? ReadOnlyCollection<Division>.Empty;

    /// <summary>
    /// The divisions above <paramref name="code"/>, its parent first and the province last; empty for a province or an
    /// unknown code.
    /// </summary>
    public IEnumerable<Division> Ancestors(string code)
    {
        for (var parent = Find(code)?.Parent; parent is not null; parent = byCode[parent].Parent)
        {
            yield return byCode[parent];
        }
    }

    /// <summary>
    /// True when <paramref name="code"/> lies somewhere under <paramref name="ancestor"/> in this tree (not when they
    /// are the same). Unlike <see cref="DivisionCode.Oversees"/> this answers false for codes the table does not hold.
    /// </summary>
    public bool IsUnder(string ancestor, string code)
    {
        for (var parent = Find(code)?.Parent; parent is not null; parent = byCode[parent].Parent)
        {
            if (string.Equals(parent, ancestor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The county-level divisions under <paramref name="under"/> at any depth, in code order, or every county-level
    /// division for null: the tenants a province or prefecture could hold. Empty for a county or an unknown code.
    /// </summary>
    public IReadOnlyList<Division> Counties(string? under = null) =>
        under is null ? counties : countiesUnder.GetValueOrDefault(under) ?? ReadOnlyCollection<Division>.Empty;

    private static DivisionTree LoadStandard()
    {
        using var stream = typeof(DivisionTree).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The division table {ResourceName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var divisions = new List<Division>(4096);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // Two fields are fine too: an editor that trims trailing whitespace drops a province's empty parent column.
            var fields = line.Split('\t');
            if (fields.Length is < 2 or > 3 || !DivisionCode.IsValid(fields[0]) || fields[1].Length == 0)
            {
                throw new InvalidDataException($"Line {number} of the division table is not " +
                    $"code<TAB>name<TAB>parent: {line}");
            }

            var parent = fields.Length == 3 && fields[2].Length > 0 ? fields[2] : null;
            divisions.Add(new Division(fields[0], fields[1], parent, LevelOf(fields[0])));
        }

        return new DivisionTree(divisions);
    }

    private static DivisionLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? DivisionLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? DivisionLevel.Prefecture
        : DivisionLevel.County;

    private static void Append(Dictionary<string, List<Division>> lists, string key, Division division)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(division);
    }

    private static Dictionary<string, ReadOnlyCollection<Division>> Freeze(Dictionary<string, List<Division>> lists)
    {
        var frozen = new Dictionary<string, ReadOnlyCollection<Division>>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            frozen[key] = list.AsReadOnly();
        }

        return frozen;
    }
}
