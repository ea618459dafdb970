using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Who leads a task and who shares it, from everything that named units for it (brackets, unit lines, table cells):
/// <list type="bullet">
/// <item>units marked 牵头 lead; units named only as "X负责" lead when nothing is marked 牵头, and are responsible
/// otherwise;</item>
/// <item>under the document's rule "第一责任单位为牵头单位" (in any wording) the first unit listed leads;</item>
/// <item>a task naming no unit takes its category's; a task naming no leader takes its category's;</item>
/// <item>names printed without a separator are split (<see cref="GluedUnitNames"/>);</item>
/// <item>a unit appears once, as lead when it is both.</item>
/// </list>
/// </summary>
internal static partial class UnitAssignment
{
    // "第一责任单位为牵头单位", "列第一位的责任单位为牵头单位", "排在首位的为主要责任单位", "排名第一的为牵头单位"…
    [GeneratedRegex(@"(?:第一|首位|第一位|首个)[^,。;:]{0,10}为(?:牵头|主要责任|主责)(?:单位|部门|责任单位)?")]
    private static partial Regex FirstIsLeadRuleRegex();

    /// <summary>Whether a normalised text states that the first unit listed leads.</summary>
    public static bool IsFirstIsLeadRule(string norm) => FirstIsLeadRuleRegex().IsMatch(norm);

    public static AssignedUnits Assign(
        IReadOnlyList<UnitAnnotation> annotations, CategoryBuilder? category, bool firstIsLead, GluedUnitNames glued)
    {
        var (leads, responsibles) = Roles(annotations, firstIsLead);
        var leaders = annotations.SelectMany(a => a.Leaders).ToList();
        if (leads.Count == 0 && responsibles.Count == 0 && category is not null)
        {
            leads.AddRange(category.Leads);
            responsibles.AddRange(category.Responsibles);
        }

        if (leaders.Count == 0 && category is not null)
        {
            leaders.AddRange(category.Leaders);
        }

        var splits = new List<(string, IReadOnlyList<string>)>();
        leads = Distinct(Unglue(leads, glued, splits));
        var leadKeys = leads.Select(Key).ToHashSet();
        responsibles = [.. Distinct(Unglue(responsibles, glued, splits)).Where(r => !leadKeys.Contains(Key(r)))];
        return new AssignedUnits(leads, responsibles, Distinct(leaders), splits);
    }

    /// <summary>Lead and responsible units as the annotations name them, before inheritance.</summary>
    public static (List<string> Leads, List<string> Responsibles) Roles(
        IEnumerable<UnitAnnotation> annotations,
        bool firstIsLead)
    {
        var leads = new List<string>();
        var responsibles = new List<string>();
        var owners = new List<string>();
        foreach (var a in annotations)
        {
            leads.AddRange(a.Leads);
            responsibles.AddRange(a.Responsibles);
            owners.AddRange(a.Owners);
        }

        if (owners.Count > 0)
        {
            if (leads.Count > 0)
            {
                responsibles.InsertRange(0, owners);
            }
            else if (firstIsLead)
            {
                leads.Add(owners[0]);
                responsibles.InsertRange(0, owners.Skip(1));
            }
            else
            {
                leads.AddRange(owners);
            }
        }

        if (leads.Count == 0 && responsibles.Count > 0 && firstIsLead)
        {
            leads.Add(responsibles[0]);
            responsibles.RemoveAt(0);
        }

        return (leads, responsibles);
    }

    private static List<string> Unglue(
        List<string> names,
        GluedUnitNames glued,
        List<(string, IReadOnlyList<string>)> splits)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (glued.Split(name) is { } parts)
            {
                result.AddRange(parts);
                splits.Add((name, parts));
            }
            else
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static string Key(string unit) => TextNormalizer.Normalize(unit).Replace(" ", "", StringComparison.Ordinal);

    private static List<string> Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>();
        return [.. names.Where(n => seen.Add(Key(n)))];
    }
}
