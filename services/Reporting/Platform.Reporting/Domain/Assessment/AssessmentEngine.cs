using System.Globalization;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// Turns a year's facts into a score per lead unit with rules given as data: the base score minus each item's
/// deductions (each item up to its cap), the ranking (equal scores share a rank, the next rank skips), and every
/// deduction explained in Chinese. Pure: the same facts and rules give the same result, with no database.
/// </summary>
/// <remarks>
/// A month counts as on time when first submitted by its due date, late when first submitted after it (a
/// resubmission after a return does not make it late), missing when still not submitted after the grace period;
/// a month not yet past its grace is not counted either way.
/// </remarks>
public static class AssessmentEngine
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<UnitAssessment> Score(AssessmentRules rules, AssessmentFacts facts)
    {
        var scored = facts.Units
            .Select(unit => (Unit: unit, Reasons: Reasons(rules, facts, unit)))
            .Select(x => (x.Unit, x.Reasons, Score: Math.Max(0, rules.BaseScore - x.Reasons.Sum(r => r.Points))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Unit.UnitName, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<UnitAssessment>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (unit, reasons, score) = scored[i];
            var rank = i > 0 && scored[i - 1].Score == score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new UnitAssessment(unit.UnitId, unit.UnitName, Math.Round(score, 2), rank, reasons));
        }

        return ranked;
    }

    /// <summary>How a month stands on the day judged: on time, late, missing, or not yet counted (null).</summary>
    public static MonthStanding? Standing(MonthFact month, DateOnly today, int graceDays) =>
        month.FirstSubmittedOn switch
    {
        { } first when first <= month.DueOn => MonthStanding.OnTime,
        not null => MonthStanding.Late,
        null when today > month.DueOn.AddDays(graceDays) => MonthStanding.Missing,
        _ => null,
    };

    private static List<AssessmentReason> Reasons(AssessmentRules rules, AssessmentFacts facts, UnitFacts unit)
    {
        var reasons = new List<AssessmentReason>();
        var months = unit.Months
            .OrderBy(m => m.Period, StringComparer.Ordinal)
            .ThenBy(m => m.TaskNumber, TaskNumbers.Comparer)
            .Select(m => (Month: m, Standing: Standing(m, facts.Today, facts.GraceDays)))
            .Where(m => m.Standing is not null)
            .ToList();

        Deduct(rules, AssessmentItemKind.LateReport, reasons, months
            .Where(m => m.Standing == MonthStanding.Late)
            .Select(m => Say(p =>
                $"{m.Month.Period} 月报逾期报送（{m.Month.FirstSubmittedOn:yyyy-MM-dd} 报送）{p}（任务 {m.Month.TaskNumber}）")));
        Deduct(rules, AssessmentItemKind.MissingReport, reasons, months
            .Where(m => m.Standing == MonthStanding.Missing)
            .Select(m => Say(p => $"{m.Month.Period} 月报逾期未报 {p}（任务 {m.Month.TaskNumber}）")));
        Deduct(rules, AssessmentItemKind.ReturnedReport, reasons, unit.Returns
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.TaskNumber, TaskNumbers.Comparer)
            .SelectMany(r => Enumerable.Range(1, r.Count).Select(k => Say(p =>
                $"{r.Period} 月报因质量问题被退回{(r.Count > 1 ? $"（第 {k} 次）" : string.Empty)} {p}（任务 {r.TaskNumber}）"))));

        var tasks = unit.Tasks.OrderBy(t => t.TaskNumber, TaskNumbers.Comparer).ToList();
        Deduct(rules, AssessmentItemKind.TaskNotCompleted, reasons, tasks
            .Where(t => Outcome(rules, t) is CompletionOutcome.NotCompleted or CompletionOutcome.None)
            .Select(t => Say(p => Outcome(rules, t) == CompletionOutcome.None
                ? $"任务 {t.TaskNumber} 年度完成情况未报，按未完成计 {p}"
                : $"任务 {t.TaskNumber} 年度未完成 {p}")));
        Deduct(rules, AssessmentItemKind.TaskMostlyCompleted, reasons, tasks
            .Where(t => Outcome(rules, t) == CompletionOutcome.MostlyCompleted)
            .Select(t => Say(p => $"任务 {t.TaskNumber} 基本完成 {p}")));
        Deduct(rules, AssessmentItemKind.TargetNotMet, reasons, unit.Targets
            .Where(t => t.Met == false)
            .OrderBy(t => t.TaskNumber, TaskNumbers.Comparer)
            .Select(t => Say(p =>
                $"任务 {t.TaskNumber} 目标未达成：{t.Text}（完成 {Number(t.Final!.Value)}，目标 {Number(t.Goal)}）{p}")));
        Deduct(rules, AssessmentItemKind.SupervisionNotice, reasons, unit.Notices
            .DistinctBy(n => n.NoticeId)
            .OrderBy(n => n.Period, StringComparer.Ordinal)
            .Select(n => Say(p => $"{n.Period} 收到督办单 {p}")));
        Deduct(rules, AssessmentItemKind.ExtensionRequested, reasons, unit.Extensions
            .OrderBy(e => e.RequestedOn)
            .Select(e => Say(p => $"任务 {e.TaskNumber} 申请延期（{e.RequestedOn:yyyy-MM-dd}）{p}")));

        if (rules.Item(AssessmentItemKind.OnTimeShare) is { } weight && months.Count > 0)
        {
            var onTime = months.Count(m => m.Standing == MonthStanding.OnTime);
            var share = (decimal)onTime / months.Count;
            var points = Math.Round(weight.Points * (1 - share), 2);
            var capped = weight.Cap is { } cap && points > cap;
            points = capped ? weight.Cap!.Value : points;
            reasons.Add(new AssessmentReason(
                AssessmentItemKind.OnTimeShare,
                $"按时报送率 {Number(Math.Round(share * 100, 1))}%（{onTime}/{months.Count}）{Minus(points)}" +
                (capped ? $"（已达上限 {Number(weight.Cap!.Value)} 分）" : string.Empty),
                points,
                capped));
        }

        return reasons;
    }

    /// <summary>A task's outcome as the rules count it: a verified closure may stand for 完成.</summary>
    private static CompletionOutcome Outcome(AssessmentRules rules, TaskFact task) =>
        task.Outcome == CompletionOutcome.None && task.ClosureVerified && rules.ClosureCountsAsCompleted
            ? CompletionOutcome.Completed
            : task.Outcome;

    /// <summary>One reason per occurrence; once the item's cap is reached the rest take 0 and say so.</summary>
    private static void Deduct(
        AssessmentRules rules,
        AssessmentItemKind kind,
        List<AssessmentReason> reasons,
        IEnumerable<Func<string, string>> occurrences)
    {
        if (rules.Item(kind) is not { } item)
        {
            return;
        }

        var total = 0m;
        foreach (var text in occurrences)
        {
            var points = item.Cap is { } cap ? Math.Min(item.Points, Math.Max(0, cap - total)) : item.Points;
            var capped = points < item.Points;
            total += points;
            var shown = Minus(points) + (capped ? $"（已达上限 {Number(item.Cap!.Value)} 分，不再扣分）" : string.Empty);
            reasons.Add(new AssessmentReason(kind, text(shown), points, capped));
        }
    }

    /// <summary>A reason's text around the place its points are shown.</summary>
    private static Func<string, string> Say(Func<string, string> text) => text;

    private static string Minus(decimal points) => "−" + Number(points);

    private static string Number(decimal value) => value.ToString("0.##", Inv);
}
