namespace Platform.Reporting.Domain.Assessment;

/// <summary>A typed target of a task a unit leads: its goal, direction and final value (null when unknown).</summary>
public sealed record TargetFact(string TaskNumber, string Text, decimal Goal, string Direction, decimal? Final)
{
    /// <summary>Met when the final value reaches the goal in the target's direction; null without one.</summary>
    public bool? Met => Final is not { } final
        ? null
        : Direction is "Decrease" or "AtMost" ? final <= Goal : final >= Goal;
}
