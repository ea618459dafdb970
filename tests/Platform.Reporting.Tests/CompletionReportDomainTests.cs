using Platform.Contracts.Events;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Tests;

public sealed class CompletionReportDomainTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void EachStepRecordsItsAuditRowAndItsOwnEventUnderTheYearsPeriod()
    {
        var report = Draft();
        report.Edit(CompletionOutcome.MostlyCompleted, " 基本完成 ", [46m], 2, "scj", Now);
        Assert.Equal([46m, null], report.FinalValues);
        Assert.Equal("基本完成", report.Summary);
        report.Submit("scj", Now);
        report.Return("请补充材料", "admin", Now);
        report.Edit(CompletionOutcome.Completed, "已补充", [45m, 3m], 2, "scj", Now);
        report.Submit("scj", Now);
        report.Accept("admin", Now);

        var changes = report.TakeChanges();
        Assert.All(changes, c => Assert.Equal(("2023-YE", false), (c.Period, c.MovesLights)));
        Assert.Null(changes[0].Before);
        Assert.Equal(
            [null, typeof(CompletionReportSubmitted), typeof(CompletionReportReturned), null,
                typeof(CompletionReportSubmitted), typeof(CompletionReportAccepted)],
            changes.Select(c => c.Event?.GetType()));
        var accepted = Assert.IsType<CompletionReportAccepted>(changes[^1].Event);
        Assert.Equal(
            ("完成", 2023, 6, "admin"),
            (accepted.Outcome, accepted.Year, accepted.ReportVersion, accepted.AcceptedBy));
        Assert.Equal("请补充材料", Assert.IsType<CompletionReportReturned>(changes[2].Event).Comment);
        Assert.Empty(report.Changes);
    }

    [Fact]
    public void StepsFromTheWrongStateAndIncompleteReportsAreRefused()
    {
        var report = Draft();
        Assert.Contains("草稿", Assert.Throws<PreconditionException>(() => report.Accept("admin", Now)).Message);
        Assert.Equal("outcome", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit(CompletionOutcome.Completed, "", [], 0, "scj", Now);
        Assert.Equal("summary", Assert.Throws<ValidationException>(() => report.Submit("scj", Now)).Field);
        report.Edit(CompletionOutcome.Completed, "完成", [], 0, "scj", Now);
        report.Submit("scj", Now);
        Assert.Contains(
            "submitted",
            Assert.Throws<PreconditionException>(
                () => report.Edit(CompletionOutcome.NotCompleted, "x", [], 0, "scj", Now)).Message);
        Assert.Throws<PreconditionException>(() => report.Submit("scj", Now));
        Assert.Equal("comment", Assert.Throws<ValidationException>(() => report.Return(" ", "admin", Now)).Field);
        Assert.Equal(
            "comment",
            Assert.Throws<ValidationException>(() => report.Return(new string('x', 2001), "admin", Now)).Field);
        report.Accept("admin", Now);
        Assert.Contains("已审核通过", Assert.Throws<PreconditionException>(() => report.Return("晚了", "admin", Now)).Message);
    }

    [Fact]
    public void InputBeyondItsLimitsIsRefused()
    {
        var report = Draft();
        Assert.Equal(
            "summary",
            Assert.Throws<ValidationException>(() => report.Edit(
                CompletionOutcome.Completed, new string('字', CompletionReport.MaxSummaryLength + 1), [], 0, "scj", Now))
                .Field);
        Assert.Equal(
            "final_values",
            Assert.Throws<ValidationException>(
                () => report.Edit(CompletionOutcome.Completed, "x", [1m, 2m], 1, "scj", Now)).Field);
        Assert.Equal(
            "outcome",
            Assert.Throws<ValidationException>(() => report.Edit((CompletionOutcome)9, "x", [], 0, "scj", Now)).Field);
        Assert.Equal(0, report.Version);
    }

    [Fact]
    public void TheWindowOpensOnItsDayAndShutsWhenTheYearIsClosed()
    {
        var today = new DateOnly(2024, 1, 10);
        Assert.Contains("尚未开放", Assert.Throws<PreconditionException>(
            () => CompletionWindow.RequireOpen(null, 2023, today)).Message);
        var year = new ClosingYear { TenantId = "500103", Year = 2023, CompletionOpensOn = today.AddDays(1) };
        Assert.Contains("2024-01-11", Assert.Throws<PreconditionException>(
            () => CompletionWindow.RequireOpen(year, 2023, today)).Message);
        year.CompletionOpensOn = today;
        CompletionWindow.RequireOpen(year, 2023, today);
        year.ClosedAt = Now;
        Assert.Contains("已关账", Assert.Throws<PreconditionException>(
            () => CompletionWindow.RequireOpen(year, 2023, today)).Message);
    }

    [Theory]
    [InlineData("2023-YE", true, 2023)]
    [InlineData("2023-07", false, 0)]
    [InlineData("+023-YE", false, 0)]
    [InlineData("1999-YE", false, 0)]
    [InlineData("2023-ye", false, 0)]
    [InlineData(null, false, 0)]
    public void ACompletionPeriodIsAYearAndYE(string? value, bool valid, int year)
    {
        Assert.Equal((valid, year), (CompletionPeriod.TryParse(value, out var parsed), parsed));
        if (valid)
        {
            Assert.Equal(value, CompletionPeriod.Of(year));
        }
    }

    private static CompletionReport Draft() => new()
    {
        TenantId = "500103", TaskId = Guid.NewGuid(), Year = 2023, LeadUnitId = Guid.NewGuid(),
    };
}
