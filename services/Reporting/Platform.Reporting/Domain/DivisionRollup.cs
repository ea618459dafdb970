using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// The sum of the totals of every district under a division (a prefecture, a province, or the country as
/// <see cref="DivisionRollups.Country"/>), in total and per canonical indicator, written by the roll-up from its
/// children's rows only. <see cref="Districts"/> is the number of districts with at least one light in the group.
/// </summary>
public sealed class DivisionRollup : LightTotals, ITenantEntity
{
    public int Districts { get; set; }
}
