using System.Text.Json;
using Platform.Contracts.Events;
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
        report.Edit("进展", "问题", "成效已补充", SelfStatus.OnTrack, [], "scj", Now);
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
        Assert.Contains(
            "submitted",
            Assert.Throws<PreconditionException>(() => report.Edit(
                "x",
                "",
                "",
                SelfStatus.OnTrack,
                [],
                "scj",
                Now)).Message);
        Assert.Contains("submitted", Assert.Throws<PreconditionException>(() => report.Submit("scj", Now)).Message);
        report.Accept("admin", Now);
        Assert.Contains(
            "accepted",
            Assert.Throws<PreconditionException>(() => report.Return("late", "admin", Now)).Message);
    }

    [Fact]
    public void AReturnNeedsAReasonAndASubmissionNeedsProgressAndARating()
    {
        var report = new ProgressReport { TenantId = "500103", Period = "2023-07" };
        Assert.Equal("progress", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit("进展", "", "", SelfStatus.Unspecified, [], "scj", Now);
        Assert.Equal("self_status", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit("进展", "", "", SelfStatus.AtRisk, [], "scj", Now);
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
        Assert.Equal(
            new DateOnly(2023, 2, 28),
            ReportingPeriod.For("500103", Guid.NewGuid(), 2023, null).ElementAt(1).DueOn);
    }

    [Fact]
    public void EachStepOfAReportRecordsOneChangeWithItsAuditStateAndItsEvent()
    {
        var report = new ProgressReport
        {
            TenantId = "500103", TaskId = Guid.NewGuid(), Period = "2023-07", LeadUnitId = Guid.NewGuid(),
        };
        report.Edit("进展", "", "", SelfStatus.OnTrack, [], "scj", Now);
        report.Submit("scj", Now);
        report.Return("请补充工作成效", "admin", Now);
        report.Edit("进展", "", "成效", SelfStatus.OnTrack, [], "scj", Now);
        report.Submit("scj", Now);
        report.Accept("admin", Now);

        var changes = report.TakeChanges();
        Assert.Equal(
            ["saved", "submitted", "returned", "saved", "submitted", "accepted"],
            changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.True(c.MovesLights));
        Assert.All(
            changes,
            c => Assert.Equal((report.TenantId, report.TaskId, report.Period), (c.TenantId, c.TaskId, c.Period)));
        Assert.Null(changes[0].Before);
        Assert.Contains("\"status\":\"Draft\"", changes[1].Before);
        Assert.Contains("\"status\":\"Submitted\"", changes[1].After);
        Assert.Equal(changes[1].After, changes[2].Before);
        Assert.Equal(["scj", "scj", "admin", "scj", "scj", "admin"], changes.Select(c => c.Actor));

        Assert.Null(changes[0].Event);
        var submitted = Assert.IsType<ReportSubmitted>(changes[1].Event);
        Assert.Equal(
            (report.TaskId, report.LeadUnitId, 2),
            (submitted.TaskId, submitted.LeadUnitId, submitted.ReportVersion));
        Assert.Equal("请补充工作成效", Assert.IsType<ReportReturned>(changes[2].Event).Comment);
        Assert.Equal(6, Assert.IsType<ReportAccepted>(changes[5].Event).ReportVersion);

        // Handed over once: a second save finds nothing left to record.
        Assert.Empty(report.TakeChanges());
    }

    [Fact]
    public void AStepRefusedRecordsNothing()
    {
        var report = Draft();
        report.TakeChanges();
        Assert.Throws<PreconditionException>(() => report.Accept("admin", Now));
        Assert.Throws<ValidationException>(() => report.Edit(
            new string('长', 5001),
            "",
            "",
            SelfStatus.OnTrack,
            [],
            "scj",
            Now));
        Assert.Empty(report.Changes);
    }

    [Theory]
    [InlineData(true, "closure approved")]
    [InlineData(false, "closure refused")]
    public void ARequestRecordsItsAskingAndItsDecisionAndOnlyAGrantMovesTheLights(bool approve, string action)
    {
        var (task, _) = TaskAndJuly();
        var request = TaskRequest.Closure(task, Guid.NewGuid(), "已全部完成", [Guid.NewGuid()], "scj", Now);
        request.Decide(task, approve, null, "核验", "admin", Now, new DateOnly(2023, 7, 20));

        var changes = request.TakeChanges();
        Assert.Equal(["closure requested", action], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal(string.Empty, c.Period));
        Assert.Equal([false, approve], changes.Select(c => c.MovesLights));
        Assert.IsType<TaskRequestSubmitted>(changes[0].Event);
        Assert.Equal(approve, Assert.IsType<TaskRequestDecided>(changes[1].Event).Approved);
        Assert.Contains(approve ? "\"closedOn\":\"2023-07-20\"" : "\"closedOn\":null", changes[1].After);
    }

    [Fact]
    public void AContributionRecordsItsTextBeforeAndAfterAndMovesNoLight()
    {
        var contribution = new Contribution
        {
            TenantId = "500103", TaskId = Guid.NewGuid(), Period = "2023-07", UnitName = "区财政局", UpdatedBy = "czj",
        };
        contribution.Write("第一稿", "czj", Now);
        contribution.Write(" 第二稿 ", "czj", Now);
        Assert.Equal("text", Assert.Throws<ValidationException>(() => contribution.Write("  ", "czj", Now)).Field);

        var changes = contribution.TakeChanges();
        Assert.Equal(2, changes.Count);
        Assert.Null(changes[0].Before);
        Assert.Equal(changes[0].After, changes[1].Before);
        Assert.Equal("第二稿", JsonDocument.Parse(changes[1].After).RootElement.GetProperty("text").GetString());
        Assert.All(changes, c => Assert.False(c.MovesLights));
        Assert.All(changes, c => Assert.Null(c.Event));
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
        report.Edit("进展", "问题", "成效", SelfStatus.OnTrack, [], "scj", Now);
        return report;
    }

    private static ProgressReport Submitted(decimal actual)
    {
        var report = new ProgressReport { TenantId = "500103", Period = "2023-07" };
        report.Edit("进展", "", "", SelfStatus.OnTrack, [actual], "scj", Now);
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
            Targets = [new TrackedTarget
            {
                Text = "由50个工作日压减至40个工作日",
                Baseline = 50,
                Value = 40,
                Unit = "个工作日",
                Direction = "Decrease",
            }],
        };
        var july = new ReportingPeriod
        {
            TenantId = "500103",
            Year = 2023,
            Month = 7,
            DueOn = new DateOnly(2023, 7, 31),
        };
        return (task, july);
    }
}
