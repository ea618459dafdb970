using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Tests;

public sealed class ReportDomainTests
{
    private static readonly DateTimeOffset Now = new(2023, 7, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AReturnedReportCanBeEditedAndResubmittedThenAccepted()
    {
        var report = Draft();
        report.Submit("scj", Now);
        report.Return("请补充工作成效", "admin", Now);
        Assert.Equal(ReportStatus.Returned, report.Status);
        report.Edit("进展", "问题", "成效已补充", SelfStatus.OnTrack, [], Now);
        report.Submit("scj", Now);
        report.Accept("admin", Now);
        Assert.Equal(ReportStatus.Accepted, report.Status);
    }

    [Fact]
    public void StepsFromTheWrongStateNameTheCurrentState()
    {
        var report = Draft();
        Assert.Contains("a draft", Assert.Throws<PreconditionException>(() => report.Accept("admin", Now)).Message);
        report.Submit("scj", Now);
        Assert.Contains("submitted", Assert.Throws<PreconditionException>(() => report.Edit("x", "", "", SelfStatus.OnTrack, [], Now)).Message);
        Assert.Contains("submitted", Assert.Throws<PreconditionException>(() => report.Submit("scj", Now)).Message);
        report.Accept("admin", Now);
        Assert.Contains("accepted", Assert.Throws<PreconditionException>(() => report.Return("late", "admin", Now)).Message);
    }

    [Fact]
    public void AReturnNeedsAReasonAndASubmissionNeedsProgressAndARating()
    {
        var report = new ProgressReport { TenantId = "500103", Period = "2023-07" };
        Assert.Equal("progress", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit("进展", "", "", SelfStatus.Unspecified, [], Now);
        Assert.Equal("self_status", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit("进展", "", "", SelfStatus.AtRisk, [], Now);
        report.Submit("scj", Now);
        Assert.Equal("comment", Assert.Throws<ValidationException>(() => report.Return(" ", "admin", Now)).Field);
    }

    [Theory]
    [InlineData("2023-07-31", LightExpectation.Green)]
    [InlineData("2023-08-03", LightExpectation.Yellow)]
    [InlineData("2023-08-05", LightExpectation.Yellow)]
    [InlineData("2023-08-06", LightExpectation.Red)]
    public void AMissingReportTurnsYellowAfterItsDueDateAndRedAfterTheGrace(string today, LightExpectation expected)
    {
        var (task, period) = TaskAndJuly();
        var light = LightRules.Compute(task, period, null, DateOnly.Parse(today), graceDays: 5);
        Assert.Equal((Light)(int)expected, light.Light);
    }

    [Theory]
    [InlineData(45, LightExpectation.Green)]
    [InlineData(47, LightExpectation.Yellow)]
    [InlineData(48, LightExpectation.Red)]
    public void ATargetBehindItsPaceTurnsYellowThenRed(int actual, LightExpectation expected)
    {
        // 由50个工作日压减至40个工作日 over the year: at the end of July about 58% of the way should be covered.
        var (task, period) = TaskAndJuly();
        var report = Submitted(actual);
        var light = LightRules.Compute(task, period, report, new DateOnly(2023, 7, 31), 5);
        Assert.Equal((Light)(int)expected, light.Light);
    }

    [Fact]
    public void ARedTaskRatedOnTrackIsFlaggedAsADisagreement()
    {
        var (task, period) = TaskAndJuly();
        var report = Submitted(50);
        Assert.True(LightRules.Compute(task, period, report, new DateOnly(2023, 7, 31), 5).Disagreement);
        Assert.False(LightRules.Compute(task, period, Submitted(44), new DateOnly(2023, 7, 31), 5).Disagreement);
    }

    [Fact]
    public void PeriodsRunFromTheIssueMonthToDecemberDueOnTheLastDay()
    {
        var periods = ReportingPeriod.For("500103", Guid.NewGuid(), 2023, new DateOnly(2023, 6, 28)).ToList();
        Assert.Equal(Enumerable.Range(6, 7), periods.Select(p => p.Month));
        Assert.Equal(new DateOnly(2023, 6, 30), periods[0].DueOn);
        Assert.Equal(new DateOnly(2023, 2, 28), ReportingPeriod.For("500103", Guid.NewGuid(), 2023, null).ElementAt(1).DueOn);
    }

    public enum LightExpectation
    {
        Green = 1,
        Yellow = 2,
        Red = 3,
    }

    private static ProgressReport Draft()
    {
        var report = new ProgressReport { TenantId = "500103", Period = "2023-07" };
        report.Edit("进展", "问题", "成效", SelfStatus.OnTrack, [], Now);
        return report;
    }

    private static ProgressReport Submitted(decimal actual)
    {
        var report = new ProgressReport { TenantId = "500103", Period = "2023-07" };
        report.Edit("进展", "", "", SelfStatus.OnTrack, [actual], Now);
        report.Submit("scj", Now);
        return report;
    }

    private static (TrackedTask Task, ReportingPeriod Period) TaskAndJuly()
    {
        var task = new TrackedTask
        {
            TenantId = "500103",
            Number = "9",
            Text = "将一般社会投资项目建筑许可全流程办理时限由50个工作日压减至40个工作日。",
            Year = 2023,
            IssuedOn = new DateOnly(2023, 1, 1),
            Deadline = new DateOnly(2023, 12, 31),
            Targets = [new TrackedTarget { Text = "由50个工作日压减至40个工作日", Baseline = 50, Value = 40, Unit = "个工作日", Direction = "Decrease" }],
        };
        var july = new ReportingPeriod { TenantId = "500103", Year = 2023, Month = 7, DueOn = new DateOnly(2023, 7, 31) };
        return (task, july);
    }
}
