using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// How many times the roll-up pass recounted a division's month (table <c>view_stamps</c>, one row per division and
/// month, bumped after every pass that recounted it). A comparison view built while the count was N is still that
/// view while the count is N, so each host keeps the views it built until the count moves
/// (<see cref="Views.DivisionViewCache"/>).
/// </summary>
public sealed class ViewStamp : ITenantEntity
{
    public required string TenantId { get; set; }

    public required string Period { get; set; }

    public long Version { get; set; }
}
