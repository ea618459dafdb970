using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// A district's assessment rules (考核细则) as data: the base score, each item's points and cap, and whether a task
/// whose closure (办结) was verified counts as completed without an accepted completion report.
/// </summary>
public sealed record AssessmentRules(
    decimal BaseScore,
    bool ClosureCountsAsCompleted,
    IReadOnlyList<AssessmentItem> Items)
{
    public const decimal MaxBaseScore = 1000;
    public const decimal MaxPoints = 100;
    public const decimal MaxCap = 1000;

    /// <summary>The rules a district starts from until its office applies its own.</summary>
    public static AssessmentRules Default { get; } = new(
        100,
        true,
        [
            new(AssessmentItemKind.LateReport, 1, 10),
            new(AssessmentItemKind.MissingReport, 2, 20),
            new(AssessmentItemKind.ReturnedReport, 0.5m, 5),
            new(AssessmentItemKind.TaskNotCompleted, 5, null),
            new(AssessmentItemKind.TaskMostlyCompleted, 2, null),
            new(AssessmentItemKind.TargetNotMet, 2, 10),
            new(AssessmentItemKind.SupervisionNotice, 3, 15),
            new(AssessmentItemKind.ExtensionRequested, 1, 5),
            new(AssessmentItemKind.OnTimeShare, 10, null),
        ]);

    /// <summary>The enabled item of a kind, or null.</summary>
    public AssessmentItem? Item(AssessmentItemKind kind) => Items.FirstOrDefault(i => i.Kind == kind && i.Enabled);

    /// <summary>Refuses rules out of bounds: each kind at most once, no negative points or caps, sane limits.</summary>
    public AssessmentRules Validated()
    {
        if (BaseScore is <= 0 or > MaxBaseScore)
        {
            throw new ValidationException("rules.base_score", $"must be above 0 and at most {MaxBaseScore:0}");
        }

        if (Items.Count > Enum.GetValues<AssessmentItemKind>().Length)
        {
            throw new ValidationException("rules.items", "each kind of item at most once");
        }

        foreach (var item in Items)
        {
            if (!Enum.IsDefined(item.Kind))
            {
                throw new ValidationException("rules.items.kind", $"unknown kind {(int)item.Kind}");
            }

            if (item.Points is < 0 or > MaxPoints || decimal.Round(item.Points, 2) != item.Points)
            {
                throw new ValidationException(
                    "rules.items.points",
                    $"{item.Kind}: points from 0 to {MaxPoints:0}, at most two decimals");
            }

            if (item.Cap is { } cap && (cap < 0 || cap > MaxCap || decimal.Round(cap, 2) != cap))
            {
                throw new ValidationException(
                    "rules.items.cap",
                    $"{item.Kind}: a cap from 0 to {MaxCap:0}, at most two decimals (none: no cap)");
            }
        }

        var repeated = Items.GroupBy(i => i.Kind).FirstOrDefault(g => g.Count() > 1);
        return repeated is null
            ? this
            : throw new ValidationException("rules.items", $"{repeated.Key} is listed more than once");
    }

    /// <summary>Same rules, item by item in kind order: what decides whether applying makes a new version.</summary>
    public bool SameAs(AssessmentRules other) =>
        BaseScore == other.BaseScore && ClosureCountsAsCompleted == other.ClosureCountsAsCompleted &&
        Items.OrderBy(i => i.Kind).SequenceEqual(other.Items.OrderBy(i => i.Kind));
}
