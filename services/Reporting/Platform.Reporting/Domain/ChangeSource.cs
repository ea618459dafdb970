namespace Platform.Reporting.Domain;

/// <summary>
/// An entity that records its own changes as <see cref="DomainChange"/>s. They stay with the entity (not mapped: the
/// property has no setter) until the unit of work takes them and saves them with it.
/// </summary>
public abstract class ChangeSource
{
    private readonly List<DomainChange> changes = [];

    public IReadOnlyList<DomainChange> Changes => changes;

    /// <summary>The changes not yet saved, handed over once.</summary>
    public IReadOnlyList<DomainChange> TakeChanges()
    {
        var taken = changes.ToList();
        changes.Clear();
        return taken;
    }

    protected void Record(DomainChange change) => changes.Add(change);
}
