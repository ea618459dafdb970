using Grpc.Core;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using static Platform.Reporting.Tests.ReportRequests;

namespace Platform.Reporting.Tests;

/// <summary>
/// Year-end completion reports in a district of each test's own: the draft pre-filled from the task's closure and the
/// monthly actuals, the workflow with its audit rows and events, the filing window, and the callers refused.
/// </summary>
[Collection(YearEndCollection.Name)]
public sealed class CompletionReportTests(YearEndApp app) : IAsyncLifetime
{
    private const int Year = 2023;
    private readonly string district = YearEndApp.NewDistrict();
    private readonly Guid targetTask = Guid.NewGuid();
    private readonly Guid closedTask = Guid.NewGuid();
    private readonly Guid otherTask = Guid.NewGuid();
    private readonly Guid scj = Guid.NewGuid();
    private readonly Guid other = Guid.NewGuid();

    private Metadata Scj => YearEndApp.Bearer(app.Reporter(district, scj));

    private Metadata Admin => YearEndApp.Bearer(app.Admin(district));

    public Task InitializeAsync() => app.PublishAsync(
        district,
        new PublishedTask
        {
            TaskId = targetTask, Number = "9", Category = "工程建设项目审批", Text = "建筑许可全流程办理时限由50个工作日压减至45个工作日。",
            LeadUnits = [new AssignedUnit(scj, "区市场监管局")],
            Targets = [new PublishedTarget
            {
                Text = "由50个工作日压减至45个工作日", Baseline = 50, Value = 45, Unit = "个工作日", Direction = "Decrease",
            }],
        },
        new PublishedTask
        {
            TaskId = closedTask, Number = "10", Category = "市场准入", Text = "推行企业开办一网通办。",
            LeadUnits = [new AssignedUnit(scj, "区市场监管局")],
        },
        new PublishedTask
        {
            TaskId = otherTask, Number = "11", Category = "市场准入", Text = "推行联合验收。",
            LeadUnits = [new AssignedUnit(other, "区住房城市建委")],
        });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AReportIsFiledReturnedCorrectedAndAcceptedWithItsAuditRowsAndItsOwnEvents()
    {
        await OpenAsync("2024-01-10");
        var draft = await app.YearEnd.GetCompletionReportAsync(Of(targetTask), Scj);
        var saved = await app.YearEnd.SaveCompletionReportAsync(
            Save(targetTask, CompletionOutcome.MostlyCompleted, "办理时限压减至46个工作日", draft.Version, 46),
            Scj);
        Assert.Equal((ReportStatus.Draft, 1, "基本完成"), (saved.Status, saved.Version, saved.OutcomeName));

        var submitted = await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        var returned = await app.YearEnd.ReturnCompletionReportAsync(Act(targetTask, "请补充验收材料"), Admin);
        Assert.Equal((ReportStatus.Returned, "请补充验收材料"), (returned.Status, returned.ReturnComment));

        await app.YearEnd.SaveCompletionReportAsync(
            Save(targetTask, CompletionOutcome.MostlyCompleted, "已补充验收材料", returned.Version, 46),
            Scj);
        await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        var accepted = await app.YearEnd.AcceptCompletionReportAsync(Act(targetTask), Admin);
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        Assert.Equal(46, accepted.Targets[0].FinalValue);

        var again = await Assert.ThrowsAsync<RpcException>(
            () => app.YearEnd.AcceptCompletionReportAsync(Act(targetTask), Admin).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("已审核通过", again.Status.Detail);

        var trail = await app.Reports.GetAuditTrailAsync(
            new GetAuditTrailRequest { TaskId = targetTask.ToString() },
            Admin);
        var rows = trail.Entries.Where(e => e.Period == "2023-YE").ToList();
        Assert.Equal(
            [
                "completion saved", "completion submitted", "completion returned", "completion saved",
                "completion submitted", "completion accepted",
            ],
            rows.Select(e => e.Action));
        Assert.Contains("Returned", rows[2].After);
        Assert.Contains("Submitted", rows[2].Before);
        Assert.Equal(
            [
                nameof(CompletionReportSubmitted), nameof(CompletionReportReturned), nameof(CompletionReportSubmitted),
                nameof(CompletionReportAccepted),
            ],
            await app.EventsOfAsync(targetTask, "Platform.Contracts.Events.CompletionReport"));

        var year = await app.YearEnd.GetYearEndAsync(new GetYearEndRequest { Year = Year }, Admin);
        Assert.Equal(
            (3, 3, 2, 1, 0, 1, 0),
            (year.Counts.Tasks, year.Counts.Owed, year.Counts.NotStarted, year.Counts.Accepted,
                year.Counts.Completed, year.Counts.MostlyCompleted, year.Counts.Submitted));
        Assert.True(year.Open);
        Assert.Equal("2024-01-10", year.OpensOn);
    }

    [Fact]
    public async Task TheDraftIsCompletedWhenTheClosureWasVerifiedAndTakesTheLatestActualHandedIn()
    {
        await MonthlyReportAsync("2023-07", 48, submit: true);
        await MonthlyReportAsync("2023-08", 46, submit: true);
        // A draft's figure is not yet the unit's word: it is not the final value.
        await MonthlyReportAsync("2023-09", 44, submit: false);
        await app.Reports.AcceptReportAsync(ActionOn(targetTask, "2023-07"), Admin);

        var draft = await app.YearEnd.GetCompletionReportAsync(Of(targetTask), Scj);
        Assert.False(draft.Exists);
        Assert.Equal(CompletionOutcome.Unspecified, draft.Outcome);
        var target = Assert.Single(draft.Targets);
        Assert.Equal((46d, "2023-08", 46d, 45d), (target.ComputedValue, target.ComputedFrom, target.FinalValue,
            target.TargetValue));

        var closure = await app.Supervision.RequestClosureAsync(
            new RequestClosureRequest
            {
                TaskId = closedTask.ToString(), Reason = "一网通办已上线", EvidenceIds = { await EvidenceAsync() },
            },
            Scj);
        await app.Supervision.DecideTaskRequestAsync(
            new DecideTaskRequestRequest { Id = closure.Id, Approve = true },
            Admin);
        var closed = await app.YearEnd.GetCompletionReportAsync(Of(closedTask), Scj);
        Assert.Equal(
            (CompletionOutcome.Completed, "完成", true, "2024-01-10"),
            (closed.Outcome, closed.OutcomeName, closed.PrefilledFromClosure, closed.TaskClosedOn));

        // Saving the pre-filled draft keeps the mark that it came from the closure.
        await OpenAsync("2024-01-10");
        var saved = await app.YearEnd.SaveCompletionReportAsync(
            Save(closedTask, CompletionOutcome.Completed, "已办结", 0),
            Scj);
        Assert.True(saved.PrefilledFromClosure);
        var listed = await app.YearEnd.ListCompletionReportsAsync(
            new ListCompletionReportsRequest { Year = Year, UnitId = scj.ToString() },
            Scj);
        Assert.Equal(["9", "10"], listed.Reports.Select(r => r.TaskNumber));
    }

    [Fact]
    public async Task NothingIsFiledBeforeTheOpeningDayNorAfterTheYearIsClosed()
    {
        var notOpened = await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "完成", 0), Scj));
        Assert.Contains("尚未开放", notOpened.Status.Detail);

        await OpenAsync("2024-01-15");
        var early = await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "完成", 0), Scj));
        Assert.Contains("2024-01-15", early.Status.Detail);
        Assert.False((await app.YearEnd.GetYearEndAsync(new GetYearEndRequest { Year = Year }, Admin)).Open);

        await OpenAsync("2024-01-08");
        await app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "完成", 0), Scj);
        await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        await app.CloseYearAsync(district, Year);

        var summary = await app.YearEnd.GetYearEndAsync(new GetYearEndRequest { Year = Year }, Admin);
        Assert.Equal((true, false, "区营商办"), (summary.Closed, summary.Open, summary.ClosedBy));
        var frozen = await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.AcceptCompletionReportAsync(Act(targetTask), Admin));
        Assert.Contains("已关账", frozen.Status.Detail);
        await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.SaveCompletionReportAsync(Save(closedTask, CompletionOutcome.Completed, "完成", 0), Scj));
        await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.OpenCompletionAsync(new OpenCompletionRequest { Year = Year, OpensOn = "2024-01-20" }, Admin));
    }

    [Fact]
    public async Task AStaleVersionAndAReplayedSubmitAreRefusedAndChangeNothing()
    {
        await OpenAsync("2024-01-10");
        await app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.NotCompleted, "第一稿", 0), Scj);

        // A second tab still holding version 0 would overwrite the first save.
        var stale = await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "旧页面", 0), Scj));
        Assert.Contains("刷新", stale.Status.Detail);
        Assert.Equal("第一稿", (await app.YearEnd.GetCompletionReportAsync(Of(targetTask), Scj)).Summary);

        var submitted = await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        await RefusedAsync(
            StatusCode.FailedPrecondition,
            app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj));
        var staleAccept = Act(targetTask);
        staleAccept.Version = submitted.Version - 1;
        await RefusedAsync(StatusCode.FailedPrecondition, app.YearEnd.AcceptCompletionReportAsync(staleAccept, Admin));

        Assert.Equal(
            [nameof(CompletionReportSubmitted)],
            await app.EventsOfAsync(targetTask, "Platform.Contracts.Events.CompletionReport"));
        var read = await app.YearEnd.GetCompletionReportAsync(Of(targetTask), Admin);
        Assert.Equal((ReportStatus.Submitted, submitted.Version), (read.Status, read.Version));
    }

    [Fact]
    public async Task TwoFirstSavesAtOnceKeepOneReportAndRefuseTheOther()
    {
        await OpenAsync("2024-01-10");
        var calls = Enumerable.Range(0, 4)
            .Select(i => app.YearEnd.SaveCompletionReportAsync(
                Save(targetTask, CompletionOutcome.Completed, $"第{i}个页面", 0),
                Scj).ResponseAsync)
            .ToList();
        var outcomes = new List<StatusCode>();
        foreach (var call in calls)
        {
            try
            {
                await call;
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                outcomes.Add(ex.StatusCode);
            }
        }

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o));
        var kept = await app.YearEnd.GetCompletionReportAsync(Of(targetTask), Scj);
        Assert.Equal(1, kept.Version);
        var trail = await app.Reports.GetAuditTrailAsync(
            new GetAuditTrailRequest { TaskId = targetTask.ToString() },
            Admin);
        Assert.Single(trail.Entries, e => e.Period == "2023-YE");
    }

    [Fact]
    public async Task TheWrongUnitTheWrongRoleAndAnotherDistrictAreRefused()
    {
        await OpenAsync("2024-01-10");
        var otherUnit = YearEndApp.Bearer(app.Reporter(district, other));
        var leader = YearEndApp.Bearer(app.Leader(district));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "冒名", 0), otherUnit));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "领导", 0), leader));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "办公室", 0), Admin));
        await app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "完成", 0), Scj);
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), leader));
        await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        await RefusedAsync(StatusCode.PermissionDenied, app.YearEnd.AcceptCompletionReportAsync(Act(targetTask), Scj));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.ReturnCompletionReportAsync(Act(targetTask, "x"), leader));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            app.YearEnd.OpenCompletionAsync(new OpenCompletionRequest { Year = Year, OpensOn = "2024-01-01" }, Scj));

        // Leaders read; another district sees nothing and changes nothing.
        var read = await app.YearEnd.GetCompletionReportAsync(Of(targetTask), leader);
        Assert.Equal(ReportStatus.Submitted, read.Status);
        var elsewhere = YearEndApp.NewDistrict();
        var foreignAdmin = YearEndApp.Bearer(app.Admin(elsewhere));
        var foreignReporter = YearEndApp.Bearer(app.Reporter(elsewhere, scj));
        await RefusedAsync(StatusCode.NotFound, app.YearEnd.GetCompletionReportAsync(Of(targetTask), foreignAdmin));
        await RefusedAsync(
            StatusCode.NotFound,
            app.YearEnd.SaveCompletionReportAsync(
                Save(targetTask, CompletionOutcome.Completed, "越权", 1),
                foreignReporter));
        await RefusedAsync(StatusCode.NotFound, app.YearEnd.AcceptCompletionReportAsync(Act(targetTask), foreignAdmin));
        await RefusedAsync(
            StatusCode.NotFound,
            app.YearEnd.ReturnCompletionReportAsync(Act(targetTask, "越权"), foreignAdmin));
        Assert.Empty((await app.YearEnd.ListCompletionReportsAsync(
            new ListCompletionReportsRequest { Year = Year },
            foreignAdmin)).Reports);
        Assert.Equal(
            0,
            (await app.YearEnd.GetYearEndAsync(new GetYearEndRequest { Year = Year }, foreignAdmin)).Counts.Tasks);
    }

    [Fact]
    public async Task HostileInputIsRefusedWithTheFieldNamed()
    {
        await OpenAsync("2024-01-10");
        var tooLong = await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.SaveCompletionReportAsync(
                Save(targetTask, CompletionOutcome.Completed, new string('长', 5001), 0),
                Scj));
        Assert.Contains("summary", tooLong.Status.Detail);
        await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.SaveCompletionReportAsync(Save(targetTask, (CompletionOutcome)42, "完成", 0), Scj));
        var noSuchTarget = Save(targetTask, CompletionOutcome.Completed, "完成", 0);
        noSuchTarget.FinalValues.Add(new FinalValue { Target = 7, Value = 1 });
        await RefusedAsync(StatusCode.InvalidArgument, app.YearEnd.SaveCompletionReportAsync(noSuchTarget, Scj));
        await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.SaveCompletionReportAsync(
                Save(targetTask, CompletionOutcome.Completed, "完成", 0, double.NaN),
                Scj));
        var wrongYear = Save(targetTask, CompletionOutcome.Completed, "完成", 0);
        wrongYear.Year = 2024;
        await RefusedAsync(StatusCode.InvalidArgument, app.YearEnd.SaveCompletionReportAsync(wrongYear, Scj));
        await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.OpenCompletionAsync(new OpenCompletionRequest { Year = Year, OpensOn = "2030-01-01" }, Admin));
        await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.GetYearEndAsync(new GetYearEndRequest { Year = 99999 }, Admin));

        // Evidence names a month or a year's completion report, nothing else.
        foreach (var period in new[] { "2023-XE", "2023-ye", "1999-YE", "2023-YE%00" })
        {
            using var upload = new HttpRequestMessage(
                HttpMethod.Post,
                $"/api/v1/evidence?task_id={targetTask}&period={Uri.EscapeDataString(period)}")
            {
                Content = new MultipartFormDataContent
                {
                    { new ByteArrayContent("%PDF-1.7\n%%EOF"u8.ToArray()), "file", "材料.pdf" },
                },
            };
            upload.Headers.Authorization = new("Bearer", app.Reporter(district, scj));
            using var refused = await app.Http.SendAsync(upload);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // A report without an outcome or a summary is not submitted; a return needs its reason.
        await app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Unspecified, "  ", 0), Scj);
        await RefusedAsync(StatusCode.InvalidArgument, app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj));
        await app.YearEnd.SaveCompletionReportAsync(Save(targetTask, CompletionOutcome.Completed, "完成", 1), Scj);
        await app.YearEnd.SubmitCompletionReportAsync(Act(targetTask), Scj);
        await RefusedAsync(
            StatusCode.InvalidArgument,
            app.YearEnd.ReturnCompletionReportAsync(Act(targetTask, " "), Admin));
        Assert.Empty(await app.EventsOfAsync(targetTask, "Platform.Contracts.Events.CompletionReportReturned"));
    }

    private async Task OpenAsync(string day)
    {
        var opened = await app.YearEnd.OpenCompletionAsync(
            new OpenCompletionRequest { Year = Year, OpensOn = day },
            Admin);
        Assert.Equal(day, opened.OpensOn);
    }

    private async Task MonthlyReportAsync(string period, double actual, bool submit)
    {
        var report = Report(targetTask, period, "推进中", SelfStatus.OnTrack);
        report.Actuals.Add(new TargetActual { Target = 0, Actual = actual });
        await app.Reports.SaveReportAsync(report, Scj);
        if (submit)
        {
            await app.Reports.SubmitReportAsync(ActionOn(targetTask, period), Scj);
        }
    }

    private async Task<string> EvidenceAsync()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray()), "file", "办结材料.pdf" },
        };
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"/api/v1/evidence?task_id={closedTask}&period=2023-YE") { Content = form };
        request.Headers.Authorization = new("Bearer", app.Reporter(district, scj));
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions
            .ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        Assert.Equal("2023-YE", body.GetProperty("period").GetString());
        return body.GetProperty("id").GetString()!;
    }

    private GetCompletionReportRequest Of(Guid task) => new() { TaskId = task.ToString(), Year = Year };

    private static SaveCompletionReportRequest Save(
        Guid task,
        CompletionOutcome outcome,
        string summary,
        int version,
        double? final = null)
    {
        var request = new SaveCompletionReportRequest
        {
            TaskId = task.ToString(), Year = Year, Outcome = outcome, Summary = summary, Version = version,
        };
        if (final is { } value)
        {
            request.FinalValues.Add(new FinalValue { Target = 0, Value = value });
        }

        return request;
    }

    private static CompletionActionRequest Act(Guid task, string? comment = null)
    {
        var request = new CompletionActionRequest { TaskId = task.ToString(), Year = Year };
        if (comment is not null)
        {
            request.Comment = comment;
        }

        return request;
    }

    private static async Task<RpcException> RefusedAsync<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, refused.StatusCode);
        return refused;
    }
}
