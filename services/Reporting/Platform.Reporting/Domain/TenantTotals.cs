using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// A district's lights of one month counted in total, per canonical indicator, per category and per lead unit.
/// PostgreSQL keeps these rows: a deferred trigger on <c>task_lights</c> recounts the district's month at the commit
/// of every transaction that changed one of its lights, so they can never disagree with the projection they count
/// (migration <c>DivisionTotals</c>). <see cref="Stale"/> on the total row tells the roll-up that the divisions above
/// need recounting.
/// </summary>
public sealed class TenantTotals : LightTotals, ITenantEntity
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The smallest task order in the group, to list categories in the order of the document.</summary>
    public int FirstOrder { get; set; }

    public bool Stale { get; set; }
}
