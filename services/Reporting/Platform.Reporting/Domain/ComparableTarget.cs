using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// One typed target of an active task under one canonical indicator, with a value and a unit: what the municipal view
/// compares across districts (开办企业 in 1 工作日 here, 2 there). Rewritten whenever a district publishes its list.
/// </summary>
public sealed class ComparableTarget : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public int Year { get; set; }

    public Guid TaskId { get; set; }

    public required string TaskNumber { get; set; }

    public required string Indicator { get; set; }

    public required string Text { get; set; }

    public decimal Value { get; set; }

    public required string Unit { get; set; }

    public decimal? Baseline { get; set; }

    public required string Direction { get; set; }

    /// <summary>
    /// The district's most ambitious target of this indicator, unit and direction in its year's list: the one the
    /// comparison view ranks against the other districts'. Marked when the list is published, so the view reads one
    /// row per district and indicator, not every target.
    /// </summary>
    public bool Best { get; set; }

    public bool LowerIsBetter => IsLowerBetter(Direction);

    public static bool IsLowerBetter(string direction) => direction is "Decrease" or "AtMost";

    /// <summary>
    /// The comparable rows of a published list's tasks, each group's most ambitious one marked <see cref="Best"/>.
    /// </summary>
    public static List<ComparableTarget> ForList(IEnumerable<TrackedTask> tasks)
    {
        var rows = tasks.SelectMany(For).ToList();
        foreach (var group in rows.GroupBy(r => (r.Indicator, r.Unit, r.LowerIsBetter)))
        {
            var ranked = group.Key.LowerIsBetter ? group.OrderBy(r => r.Value) : group.OrderByDescending(r => r.Value);
            ranked.ThenBy(r => r.TaskNumber, StringComparer.Ordinal).First().Best = true;
        }

        return rows;
    }

    /// <summary>Rows of every active task's targets that can be compared: those with a value and a unit.</summary>
    public static IEnumerable<ComparableTarget> For(TrackedTask task) =>
        from indicator in task.Indicators
        from target in task.Targets
        where target.Value is not null && !string.IsNullOrWhiteSpace(target.Unit)
        select new ComparableTarget
        {
            TenantId = task.TenantId,
            Year = task.Year,
            TaskId = task.Id,
            TaskNumber = task.Number,
            Indicator = indicator,
            Text = target.Text,
            Value = target.Value!.Value,
            Unit = target.Unit!,
            Baseline = target.Baseline,
            Direction = target.Direction,
        };
}
