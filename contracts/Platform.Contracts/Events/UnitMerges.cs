namespace Platform.Contracts.Events;

/// <summary>
/// The merges a service has been told of (<see cref="UnitChangeKind.Merged"/>), so that an event naming a merged unit
/// that arrives after the merge (a list published just before it, a backlog, a replay) is applied to the unit that took
/// it over. Chains (A into B, later B into C) resolve to the end.
/// </summary>
public sealed class UnitMerges(IReadOnlyDictionary<Guid, (Guid Id, string Name)> merges)
{
    private const int MaxChain = 64;

    public static UnitMerges None { get; } = new(new Dictionary<Guid, (Guid, string)>());

    public bool IsEmpty => merges.Count == 0;

    /// <summary>The unit that now answers for <paramref name="unitId"/> (itself unless it was merged).</summary>
    public Guid Resolve(Guid unitId) => Resolve(new AssignedUnit(unitId, string.Empty)).UnitId;

    /// <summary>The unit, with its name, that now answers for <paramref name="unit"/>.</summary>
    public AssignedUnit Resolve(AssignedUnit unit)
    {
        var current = unit;
        for (var step = 0; step < MaxChain && merges.TryGetValue(current.UnitId, out var into); step++)
        {
            current = new AssignedUnit(into.Id, into.Name);
        }

        return current;
    }

    /// <summary>
    /// A task's leads and responsible units after the merges: each unit once, a lead never also responsible.
    /// </summary>
    public (List<AssignedUnit> Leads, List<AssignedUnit> Responsible) Resolve(
        IEnumerable<AssignedUnit> leads, IEnumerable<AssignedUnit> responsible)
    {
        var resolvedLeads = leads.Select(Resolve).DistinctBy(u => u.UnitId).ToList();
        var leadIds = resolvedLeads.Select(u => u.UnitId).ToHashSet();
        var resolvedResponsible = responsible.Select(Resolve)
            .Where(u => !leadIds.Contains(u.UnitId))
            .DistinctBy(u => u.UnitId)
            .ToList();
        return (resolvedLeads, resolvedResponsible);
    }

    /// <summary>The list as it would have been published after the merges: each task's units resolved.</summary>
    public TaskListPublished Apply(TaskListPublished message) => IsEmpty ? message : message with
    {
        Tasks = message.Tasks.Select(task =>
        {
            var (leads, responsible) = Resolve(task.LeadUnits, task.ResponsibleUnits);
            return task with { LeadUnits = leads, ResponsibleUnits = responsible };
        }).ToList(),
    };
}
