namespace Platform.Reporting.Domain;

/// <summary>
/// The red-yellow-green rules of DESIGN §5: a missing report after its due date is red (yellow within the grace
/// period); a typed target behind its expected pace (linear from the issue date to the deadline) is yellow 10–30 points
/// behind and red beyond 30; a done task whose report is accepted is green. The unit's own rating is kept beside the
/// light and a disagreement is flagged.
/// </summary>
public static class LightRules
{
    public const decimal YellowPoints = 10;
    public const decimal RedPoints = 30;

    public static LightResult Compute(
        TrackedTask task,
        ReportingPeriod period,
        ProgressReport? report,
        DateOnly today,
        int graceDays)
    {
        if (IsClosedBy(task, period))
        {
            return new LightResult(Light.Green, [Wording.ClosedAndVerified(task.ClosedOn)], false);
        }

        var reasons = new List<string>();
        var light = Light.Green;
        var reported = report is { Status: ReportStatus.Submitted or ReportStatus.Accepted };

        if (!reported && today > period.DueOn)
        {
            var graceUntil = period.DueOn.AddDays(graceDays);
            light = today > graceUntil ? Light.Red : Light.Yellow;
            reasons.Add(today > graceUntil
                ? Wording.ReportOverdue(period.Key, period.DueOn)
                : Wording.ReportWithinGrace(period.Key, graceUntil));
        }

        if (report is not null)
        {
            for (var i = 0; i < task.Targets.Count && i < report.Actuals.Count; i++)
            {
                if (report.Actuals[i] is not { } actual
                    || PointsBehind(task, task.Targets[i], actual, period.DueOn) is not { } behind)
                {
                    continue;
                }

                var target = task.Targets[i];
                if (behind > RedPoints)
                {
                    light = Worst(light, Light.Red);
                    reasons.Add(Wording.BehindPace(target.Text, behind));
                }
                else if (behind >= YellowPoints)
                {
                    light = Worst(light, Light.Yellow);
                    reasons.Add(Wording.BehindPace(target.Text, behind));
                }
            }
        }

        if (report is { Status: ReportStatus.Accepted, SelfStatus: SelfStatus.Done } && light != Light.Red)
        {
            light = Light.Green;
            reasons.Add(Wording.DoneAndAccepted);
        }

        var self = report?.SelfStatus ?? SelfStatus.Unspecified;
        var disagreement = (self is SelfStatus.OnTrack or SelfStatus.Done && light == Light.Red) ||
                           (self is SelfStatus.Behind && light == Light.Green && reported);
        return new LightResult(light, reasons, disagreement);
    }

    /// <summary>
    /// How many percentage points the actual is behind the expected pace at <paramref name="asOf"/>: the share of the
    /// way from baseline to target that should be covered by now, minus the share covered. Null when it cannot be
    /// judged.
    /// </summary>
    public static decimal? PointsBehind(TrackedTask task, TrackedTarget target, decimal actual, DateOnly asOf)
    {
        if (target.Value is not { } goal || target.Baseline is not { } start || goal == start)
        {
            return null;
        }

        var from = task.IssuedOn ?? new DateOnly(task.Year, 1, 1);
        var to = task.EffectiveDeadline ?? new DateOnly(task.Year, 12, 31);
        if (to <= from)
        {
            return null;
        }

        var elapsed = Math.Clamp((decimal)(asOf.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber), 0m, 1m);
        var covered = Math.Clamp((actual - start) / (goal - start), 0m, 1m);
        return Math.Round((elapsed - covered) * 100m, 1);
    }

    /// <summary>A task whose closure was verified by a period's due date owes no report for it.</summary>
    public static bool IsClosedBy(TrackedTask task, ReportingPeriod period) =>
        task.ClosedOn is { } closed && closed <= period.DueOn;

    private static Light Worst(Light a, Light b) => (Light)Math.Max((int)a, (int)b);
}
