using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Tests.Assessment;

/// <summary>The scoring engine alone: facts and rules in, scores, ranks and reasons out, no database.</summary>
public sealed class AssessmentEngineTests
{
    private static readonly DateOnly Judged = new(2024, 1, 10);
    private static readonly Guid Scj = Guid.NewGuid();
    private static readonly Guid Jxw = Guid.NewGuid();

    private static readonly AssessmentRules Rules = new(
        100,
        true,
        [
            new(AssessmentItemKind.LateReport, 1, 2),
            new(AssessmentItemKind.MissingReport, 2, null),
            new(AssessmentItemKind.ReturnedReport, 0.5m, null),
            new(AssessmentItemKind.TaskNotCompleted, 5, null),
            new(AssessmentItemKind.TaskMostlyCompleted, 2, null),
            new(AssessmentItemKind.TargetNotMet, 3, null),
            new(AssessmentItemKind.SupervisionNotice, 3, 4),
            new(AssessmentItemKind.ExtensionRequested, 1, null),
        ]);

    [Fact]
    public void AMonthReportedByItsDueDateIsOnTimeAfterItLateAndNeverReportedPastTheGraceMissing()
    {
        var due = new DateOnly(2023, 8, 31);
        Assert.Equal(MonthStanding.OnTime, AssessmentEngine.Standing(Month("3", "2023-08", due), Judged, 5));
        Assert.Equal(
            MonthStanding.Late,
            AssessmentEngine.Standing(Month("3", "2023-08", due.AddDays(1)), Judged, 5));
        Assert.Equal(MonthStanding.Missing, AssessmentEngine.Standing(Month("3", "2023-08", null), Judged, 5));
        // Still within the grace on 2024-01-03: not counted yet, either way.
        var december = Month("3", "2023-12", null);
        Assert.Null(AssessmentEngine.Standing(december, new DateOnly(2024, 1, 3), 5));
        Assert.Equal(MonthStanding.Missing, AssessmentEngine.Standing(december, new DateOnly(2024, 1, 6), 5));
    }

    [Fact]
    public void EachLateMissingAndReturnedMonthIsExplainedWithItsTask()
    {
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Months =
            [
                Month("3", "2023-07", new DateOnly(2023, 7, 30)),
                Month("3", "2023-08", null),
                Month("3", "2023-09", new DateOnly(2023, 10, 3)),
            ],
            Returns = [new ReturnFact("3", "2023-07", 2)],
        };

        var scored = Assert.Single(Score(Rules, unit));
        Assert.Equal(
            [
                "2023-09 月报逾期报送（2023-10-03 报送）−1（任务 3）",
                "2023-08 月报逾期未报 −2（任务 3）",
                "2023-07 月报因质量问题被退回（第 1 次） −0.5（任务 3）",
                "2023-07 月报因质量问题被退回（第 2 次） −0.5（任务 3）",
            ],
            scored.Reasons.Select(r => r.Text));
        Assert.Equal(96m, scored.Score);
    }

    [Fact]
    public void AnItemStopsDeductingAtItsCapAndSaysSo()
    {
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Months = [.. Enumerable.Range(7, 4).Select(m => Month("3", $"2023-{m:D2}", new DateOnly(2023, m + 1, 3)))],
            Notices = [new NoticeFact(Guid.NewGuid(), "2023-08"), new NoticeFact(Guid.NewGuid(), "2023-09")],
        };

        var scored = Assert.Single(Score(Rules, unit));
        var late = scored.Reasons.Where(r => r.Kind == AssessmentItemKind.LateReport).ToList();
        Assert.Equal([1m, 1m, 0m, 0m], late.Select(r => r.Points));
        Assert.Equal([false, false, true, true], late.Select(r => r.Capped));
        Assert.Contains("已达上限 2 分", late[2].Text);
        var notices = scored.Reasons.Where(r => r.Kind == AssessmentItemKind.SupervisionNotice).ToList();
        Assert.Equal([3m, 1m], notices.Select(r => r.Points));
        Assert.Equal(100m - 2 - 4, scored.Score);
    }

    [Fact]
    public void TheSameNoticeDeliveredTwiceCountsOnce()
    {
        var notice = Guid.NewGuid();
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Notices = [new NoticeFact(notice, "2023-08"), new NoticeFact(notice, "2023-08")],
        };

        var scored = Assert.Single(Score(Rules, unit));
        Assert.Equal("2023-08 收到督办单 −3", Assert.Single(scored.Reasons).Text);
    }

    [Fact]
    public void OutcomesExtensionsAndTargetsDeductAndAVerifiedClosureCountsAsCompleted()
    {
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Tasks =
            [
                new TaskFact("1", CompletionOutcome.Completed, false),
                new TaskFact("2", CompletionOutcome.MostlyCompleted, false),
                new TaskFact("3", CompletionOutcome.NotCompleted, false),
                new TaskFact("4", CompletionOutcome.None, true),
                new TaskFact("12", CompletionOutcome.None, false),
            ],
            Targets =
            [
                new TargetFact("2", "压减至45个工作日", 45, "Decrease", 47),
                new TargetFact("3", "新增市场主体2万户", 20000, "Increase", 21000),
                new TargetFact("1", "无终值", 10, "Increase", null),
            ],
            Extensions = [new ExtensionFact("3", new DateOnly(2023, 9, 1))],
        };

        var scored = Assert.Single(Score(Rules, unit));
        Assert.Equal(
            [
                "任务 3 年度未完成 −5",
                "任务 12 年度完成情况未报，按未完成计 −5",
                "任务 2 基本完成 −2",
                "任务 2 目标未达成：压减至45个工作日（完成 47，目标 45）−3",
                "任务 3 申请延期（2023-09-01）−1",
            ],
            scored.Reasons.Select(r => r.Text));
        Assert.Equal(84m, scored.Score);

        // Without the closure rule, task 4's verified closure is no report at all.
        var strict = Rules with { ClosureCountsAsCompleted = false };
        Assert.Contains(
            Assert.Single(Score(strict, unit)).Reasons,
            r => r.Text == "任务 4 年度完成情况未报，按未完成计 −5");
    }

    [Fact]
    public void TheOnTimeShareDeductsItsWeightTimesTheShareNotOnTime()
    {
        var rules = new AssessmentRules(100, true, [new(AssessmentItemKind.OnTimeShare, 10, null)]);
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Months =
            [
                Month("3", "2023-07", new DateOnly(2023, 7, 31)),
                Month("3", "2023-08", new DateOnly(2023, 8, 31)),
                Month("3", "2023-09", new DateOnly(2023, 9, 30)),
                Month("3", "2023-10", null),
            ],
        };

        var scored = Assert.Single(Score(rules, unit));
        Assert.Equal("按时报送率 75%（3/4）−2.5", Assert.Single(scored.Reasons).Text);
        Assert.Equal(97.5m, scored.Score);
    }

    [Fact]
    public void EqualScoresShareARankAndTheNextRankSkips()
    {
        var late = new UnitFacts(Guid.NewGuid(), "区住房城市建委") { Months = [Month("1", "2023-07", null)] };
        var ranked = Score(
            Rules,
            new UnitFacts(Scj, "区市场监管局"),
            late,
            new UnitFacts(Jxw, "区经济信息委"));
        Assert.Equal(
            [("区市场监管局", 1, 100m), ("区经济信息委", 1, 100m), ("区住房城市建委", 3, 98m)],
            ranked.Select(u => (u.UnitName, u.Rank, u.Score)));
    }

    [Fact]
    public void ADisabledItemDeductsNothingAndTheScoreNeverGoesBelowZero()
    {
        var rules = new AssessmentRules(
            10,
            true,
            [new(AssessmentItemKind.MissingReport, 4, null), new(AssessmentItemKind.LateReport, 1, null, false)]);
        var unit = new UnitFacts(Scj, "区市场监管局")
        {
            Months =
            [
                .. Enumerable.Range(7, 3).Select(m => Month("3", $"2023-{m:D2}", null)),
                Month("3", "2023-10", new DateOnly(2023, 11, 20)),
            ],
        };

        var scored = Assert.Single(Score(rules, unit));
        Assert.Equal(0m, scored.Score);
        Assert.DoesNotContain(scored.Reasons, r => r.Kind == AssessmentItemKind.LateReport);
    }

    [Theory]
    [InlineData(0.0, 1.0, null)]
    [InlineData(100.0, -1.0, null)]
    [InlineData(100.0, 1.0, -1.0)]
    [InlineData(100.0, 101.0, null)]
    [InlineData(1001.0, 1.0, null)]
    [InlineData(100.0, 0.001, null)]
    public void RulesOutOfBoundsAreRefused(double baseScore, double points, double? cap)
    {
        var rules = new AssessmentRules(
            (decimal)baseScore,
            true,
            [new(AssessmentItemKind.LateReport, (decimal)points, cap is { } c ? (decimal)c : null)]);
        Assert.Throws<ValidationException>(() => rules.Validated());
    }

    [Fact]
    public void AKindListedTwiceIsRefusedAndTheDefaultRulesAreValid()
    {
        var twice = new AssessmentRules(
            100,
            true,
            [new(AssessmentItemKind.LateReport, 1, null), new(AssessmentItemKind.LateReport, 2, null)]);
        Assert.Throws<ValidationException>(() => twice.Validated());
        Assert.Same(AssessmentRules.Default, AssessmentRules.Default.Validated());
        var reordered = AssessmentRules.Default with { Items = [.. AssessmentRules.Default.Items.Reverse()] };
        Assert.True(AssessmentRules.Default.SameAs(reordered));
    }

    private static MonthFact Month(string task, string period, DateOnly? submitted)
    {
        PeriodKey.TryParse(period, out var year, out var month);
        return new MonthFact(task, period, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), submitted);
    }

    private static IReadOnlyList<UnitAssessment> Score(AssessmentRules rules, params UnitFacts[] units) =>
        AssessmentEngine.Score(rules, new AssessmentFacts(2023, Judged, 5, units));
}
