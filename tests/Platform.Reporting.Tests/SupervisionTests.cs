using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using static Platform.Reporting.Tests.ReportRequests;

namespace Platform.Reporting.Tests;

/// <summary>
/// Contributions, extension and closure requests and evidence in a district of their own: who may do what, the
/// workflow's refusals, and what each decision does to the task's deadline and lights.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class SupervisionTests(ReportingApp app) : IAsyncLifetime
{
    // A district of each test's own (the fixture's database lives for the whole collection).
    private static int lastDistrict;
    private readonly string District = $"5002{Interlocked.Increment(ref lastDistrict):D2}";
    private const string July = "2023-07";
    private readonly Guid task = Guid.NewGuid();
    private readonly Guid otherTask = Guid.NewGuid();
    private readonly Guid lead = Guid.NewGuid();
    private readonly Guid responsible = Guid.NewGuid();
    private readonly Guid secondLead = Guid.NewGuid();

    private Supervision.SupervisionClient Supervision => new(app.Channel);

    public Task InitializeAsync() => PublishAsync(task, otherTask);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AResponsibleUnitsContributionPrefillsTheLeadUnitsDraft()
    {
        var contributor = Token(Contributor(responsible));
        var saved = await Supervision.SaveContributionAsync(Contribution(task, "完成小微企业报装 120 户"), contributor);
        Assert.Equal("国网市区供电公司", saved.UnitName);

        var draft = await app.Reports.GetReportAsync(ReportOf(task, July), Token(Reporter(lead)));
        Assert.False(draft.Exists);
        Assert.Contains("【国网市区供电公司】完成小微企业报装 120 户", draft.Progress);
        Assert.Single(draft.Contributions);

        await AContributorWritesOnlyItsOwnPartAsync(contributor);
    }

    [Fact]
    public async Task AnApprovedExtensionMovesTheDeadlineAndIsDecidedOnlyOnce()
    {
        var reporter = Token(Reporter(lead));
        var asked = await Supervision.RequestExtensionAsync(Extension(task, "2024-03-31", "设备到货延迟"), reporter);
        Assert.Equal(TaskRequestStatus.Pending, asked.Status);

        await OnlyTheOfficeDecidesOnePendingExtensionAsync(asked.Id, reporter);
        await NoDecisionOrAnEarlyDeadlineLeavesItPendingAsync(asked.Id);

        var approved = await Supervision.DecideTaskRequestAsync(
            Decision(asked.Id, approve: true, deadline: "2024-02-29", comment: "同意延期至2月底"),
            Token(Admin()));
        Assert.Equal(
            (TaskRequestStatus.Approved, "2024-02-29", "2024-02-29"),
            (approved.Status, approved.GrantedDeadline, approved.TaskDeadline));
        var again = await Refused(
            StatusCode.FailedPrecondition,
            Supervision.DecideTaskRequestAsync(Decision(asked.Id, approve: false, comment: "撤回"), Token(Admin())));
        Assert.Contains("already approved", again.Status.Detail);

        await Refused(
            StatusCode.InvalidArgument,
            Supervision.RequestExtensionAsync(Extension(task, "2024-01-31", "早于现期限"), reporter));
        var trail = await app.Reports.GetAuditTrailAsync(
            new GetAuditTrailRequest { TaskId = task.ToString() },
            Token(Admin()));
        Assert.Contains(
            trail.Entries,
            e => e.Action == "extension approved" && e.After.Contains("2024-02-29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClosureNeedsEvidenceAndOnceVerifiedTurnsTheTaskGreen()
    {
        var reporter = Reporter(lead);
        await Refused(
            StatusCode.InvalidArgument,
            Supervision.RequestClosureAsync(Closure(task, "已完成"), Token(reporter)));

        await AnythingButAnAcceptableFileIsRefusedAsync(reporter);
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();
        var evidenceId = await TheLeadUnitUploadsEvidenceAsync(reporter, pdf);
        await EvidenceOfAnotherTaskProvesNothingAsync(reporter, pdf);

        var closure = await Supervision.RequestClosureAsync(Closure(task, "全部完成", evidenceId), Token(reporter));
        var verified = await Supervision.DecideTaskRequestAsync(Decision(closure.Id, approve: true), Token(Admin()));
        Assert.NotEmpty(verified.TaskClosedOn);

        await TheClosedTaskIsGreenWithItsEvidenceAsync(pdf);
        await OnlyThisDistrictDownloadsTheEvidenceAsync(evidenceId, pdf);
        await Refused(
            StatusCode.FailedPrecondition,
            Supervision.RequestClosureAsync(Closure(task, "再次办结", evidenceId), Token(reporter)));
    }

    [Fact]
    public async Task TheOfficeReviewsEachLeadUnitsReportOfATaskWithTwo()
    {
        var second = Token(Reporter(secondLead));
        await SaveAndSubmitAsync(otherTask, "财政资金已拨付", second);

        // Without naming the unit the office reviews the first lead's report, which is not written yet.
        await Refused(
            StatusCode.FailedPrecondition,
            app.Reports.AcceptReportAsync(ActionOn(otherTask, July), Token(Admin())));
        var accepted = await app.Reports.AcceptReportAsync(ActionOn(otherTask, July, secondLead), Token(Admin()));
        Assert.Equal((ReportStatus.Accepted, secondLead.ToString()), (accepted.Status, accepted.LeadUnitId));
        var read = await app.Reports.GetReportAsync(ReportOf(otherTask, July, secondLead), Token(Admin()));
        Assert.Equal("财政资金已拨付", read.Progress);
        await Refused(StatusCode.NotFound, app.Reports.GetReportAsync(ReportOf(otherTask, July, lead), Token(Admin())));
    }

    [Fact]
    public async Task ANewVersionOfTheListKeepsEveryMonthAlreadyReported()
    {
        var reporter = Token(Reporter(lead));
        await SaveAndSubmitAsync(task, "七月已推进", reporter);
        var asked = await Supervision.RequestExtensionAsync(Extension(task, "2024-01-31", "设备到货延迟"), reporter);
        await Supervision.DecideTaskRequestAsync(Decision(asked.Id, approve: true), Token(Admin()));

        // The office corrects the list and publishes version 2: the same numbers, new tasks.
        var revised = Guid.NewGuid();
        await PublishAsync(revised, Guid.NewGuid(), version: 2);
        var carried = await app.Reports.GetReportAsync(ReportOf(revised, July), Token(Admin()));
        Assert.Equal((true, ReportStatus.Submitted, "七月已推进"), (carried.Exists, carried.Status, carried.Progress));
        var requests = await Supervision.ListTaskRequestsAsync(RequestsOf(revised), Token(Admin()));
        Assert.Equal("2024-01-31", requests.Requests.Single().TaskDeadline);
        var trail = await app.Reports.GetAuditTrailAsync(
            new GetAuditTrailRequest { TaskId = revised.ToString() },
            Token(Admin()));
        Assert.Contains(trail.Entries, e => e.Action == "submitted");
        await Refused(StatusCode.NotFound, app.Reports.GetReportAsync(ReportOf(Guid.NewGuid(), July), Token(Admin())));
    }

    [Fact]
    public async Task EachDistrictSetsItsOwnGracePeriod()
    {
        var admin = Token(Admin());
        Assert.Equal(
            5,
            (await app.Reports.GetReportingSettingsAsync(new GetReportingSettingsRequest(), admin)).GraceDays);
        Assert.Equal(10, (await UpdateGraceAsync(10, admin)).GraceDays);

        // A field left out (or null over REST) is left alone: it never resets the grace to 0.
        Assert.Equal(10, (await app.Reports.UpdateReportingSettingsAsync(new ReportingSettings(), admin)).GraceDays);
        Assert.Equal(
            10,
            (await app.Reports.GetReportingSettingsAsync(new GetReportingSettingsRequest(), admin)).GraceDays);
        var periods = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, admin);
        Assert.Equal("2023-08-10", periods.Periods.Single(p => p.Key == July).GraceUntil);

        await Refused(StatusCode.InvalidArgument, UpdateGraceAsync(31, admin));
        await Refused(StatusCode.PermissionDenied, UpdateGraceAsync(0, Token(Reporter(lead))));
        await Refused(StatusCode.PermissionDenied, UpdateGraceAsync(0, Token(app.MunicipalViewer())));

        // Another district keeps the default.
        var other = await app.Reports.ListPeriodsAsync(
            new ListPeriodsRequest { Year = 2023 },
            ReportingApp.Bearer(app.Admin()));
        Assert.Equal("2023-08-05", other.Periods.Single(p => p.Key == July).GraceUntil);
    }

    [Fact]
    public async Task AnotherDistrictFindsNothingOfThisOneThroughAnyMethod()
    {
        var reporter = Token(Reporter(lead));
        var asked = await Supervision.RequestExtensionAsync(Extension(task, "2024-03-31", "设备到货延迟"), reporter);

        // Another district's office, and a reporter there who claims this task's lead unit as its own.
        await AStrangerFindsNothingAsync(app.OtherDistrictAdmin(), asked.Id, isReporter: false);
        var claimant = app.Tokens.Issue(
            "500198",
            ["unit-reporter"],
            ["reports.read", "reports.write"],
            unit: lead.ToString());
        await AStrangerFindsNothingAsync(claimant, asked.Id, isReporter: true);

        var requests = await Supervision.ListTaskRequestsAsync(RequestsOf(task), Token(Admin()));
        Assert.Equal(TaskRequestStatus.Pending, requests.Requests.Single().Status);
    }

    // Steps of the scenarios above.

    /// <summary>A contributor writes only its own part: not another unit's task, not the lead unit's report.</summary>
    private async Task AContributorWritesOnlyItsOwnPartAsync(Metadata contributor)
    {
        await Refused(
            StatusCode.PermissionDenied,
            Supervision.SaveContributionAsync(Contribution(otherTask, "x"), contributor));
        await Refused(StatusCode.PermissionDenied, app.Reports.SaveReportAsync(Report(task, July, "x"), contributor));
        await Refused(
            StatusCode.PermissionDenied,
            app.Reports.SaveReportAsync(Report(task, July, "x"), Token(Contributor(lead))));
        await Refused(
            StatusCode.InvalidArgument,
            Supervision.SaveContributionAsync(Contribution(task, new string('字', 3001)), contributor));
        await Refused(
            StatusCode.NotFound,
            Supervision.ListContributionsAsync(
                new ListContributionsRequest { TaskId = task.ToString(), Period = July },
                Token(app.OtherDistrictAdmin())));
    }

    private async Task OnlyTheOfficeDecidesOnePendingExtensionAsync(string requestId, Metadata reporter)
    {
        var twice = await Refused(
            StatusCode.FailedPrecondition,
            Supervision.RequestExtensionAsync(Extension(task, "2024-02-28", "再次申请"), reporter));
        Assert.Contains("pending", twice.Status.Detail);
        await Refused(
            StatusCode.PermissionDenied,
            Supervision.RequestExtensionAsync(Extension(task, "2024-03-31", "x"), Token(Contributor(responsible))));
        await Refused(
            StatusCode.PermissionDenied,
            Supervision.DecideTaskRequestAsync(Decision(requestId, approve: true), reporter));
        await Refused(
            StatusCode.NotFound,
            Supervision.DecideTaskRequestAsync(Decision(requestId, approve: true), Token(app.OtherDistrictAdmin())));
        await Refused(
            StatusCode.InvalidArgument,
            Supervision.DecideTaskRequestAsync(Decision(requestId, approve: false), Token(Admin())));
    }

    /// <summary>An absent decision is not a refusal, and a deadline before the list's year is not a grant.</summary>
    private async Task NoDecisionOrAnEarlyDeadlineLeavesItPendingAsync(string requestId)
    {
        var undecided = await Refused(
            StatusCode.InvalidArgument,
            Supervision.DecideTaskRequestAsync(Decision(requestId, comment: "?"), Token(Admin())));
        Assert.StartsWith("approve:", undecided.Status.Detail);
        await Refused(
            StatusCode.InvalidArgument,
            Supervision.DecideTaskRequestAsync(
                Decision(requestId, approve: true, deadline: "0001-01-01"),
                Token(Admin())));
        var requests = await Supervision.ListTaskRequestsAsync(RequestsOf(task), Token(Admin()));
        Assert.Equal(TaskRequestStatus.Pending, requests.Requests.Single().Status);
    }

    /// <summary>
    /// A renamed program, a script, a file over the limit, a zip bomb, a broken form, a stranger's upload.
    /// </summary>
    private async Task AnythingButAnAcceptableFileIsRefusedAsync(string reporter)
    {
        using var renamed = await Upload(reporter, task, "验收报告.pdf", "MZ\u0090\0 not a pdf"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        using var script = await Upload(reporter, task, "run.sh", "#!/bin/sh"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        using var huge = await Upload(reporter, task, "big.pdf", [.. "%PDF-1.7\n"u8, .. new byte[10 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var bomb = await Upload(reporter, task, "照片.docx", Platform.Testing.HostileFiles.DocxInflatingTo(120));
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("unpacks to more than", await bomb.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var broken in new[] { "multipart/form-data", "multipart/form-data; boundary=\"b\"" })
        {
            using var body = new ByteArrayContent(
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1."u8.ToArray());
            body.Headers.TryAddWithoutValidation("Content-Type", broken);
            using var malformed = await Send(HttpMethod.Post, EvidencePath(task), reporter, body);
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using var stranger = await Upload(Reporter(Guid.NewGuid()), task, "x.pdf", "%PDF-1.7\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
    }

    /// <summary>Uploads a PDF under a name with a path in it; returns the evidence's id.</summary>
    private async Task<string> TheLeadUnitUploadsEvidenceAsync(string reporter, byte[] pdf)
    {
        using var uploaded = await Upload(reporter, task, "../../验收报告.pdf", pdf);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidence = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("验收报告.pdf", evidence.GetProperty("fileName").GetString());
        return evidence.GetProperty("id").GetString()!;
    }

    private async Task EvidenceOfAnotherTaskProvesNothingAsync(string reporter, byte[] pdf)
    {
        using var otherUpload = await Upload(Admin(), otherTask, "other.pdf", pdf);
        var foreignId = (await otherUpload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Refused(
            StatusCode.NotFound,
            Supervision.RequestClosureAsync(Closure(task, "已完成", foreignId), Token(reporter)));
    }

    private async Task TheClosedTaskIsGreenWithItsEvidenceAsync(byte[] pdf)
    {
        var july = await app.Reports.GetReportAsync(ReportOf(task, July), Token(Admin()));
        Assert.Equal(Light.Green, july.Light);
        Assert.Contains(july.LightReasons, r => r.Contains("已办结", StringComparison.Ordinal));
        var leader = Token(app.Tokens.Issue(District, ["district-leader"], ["reports.read"]));
        var files = await Supervision.ListEvidenceAsync(new ListEvidenceRequest { TaskId = task.ToString() }, leader);
        Assert.Equal(pdf.Length, files.Files.Single().Size);
    }

    private async Task OnlyThisDistrictDownloadsTheEvidenceAsync(string evidenceId, byte[] pdf)
    {
        using var download = await Send(HttpMethod.Get, $"/api/v1/evidence/{evidenceId}", Admin());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        using var foreign = await Send(HttpMethod.Get, $"/api/v1/evidence/{evidenceId}", app.OtherDistrictAdmin());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private async Task SaveAndSubmitAsync(Guid taskId, string progress, Metadata reporter)
    {
        await app.Reports.SaveReportAsync(Report(taskId, July, progress, SelfStatus.OnTrack), reporter);
        await app.Reports.SubmitReportAsync(ActionOn(taskId, July), reporter);
    }

    private async Task AStrangerFindsNothingAsync(string stranger, string requestId, bool isReporter)
    {
        var token = Token(stranger);
        var id = task.ToString();
        await Refused(
            StatusCode.NotFound,
            Supervision.ListContributionsAsync(new ListContributionsRequest { TaskId = id, Period = July }, token));
        await Refused(StatusCode.NotFound, Supervision.SaveContributionAsync(Contribution(task, "x"), token));
        await Refused(
            StatusCode.NotFound,
            Supervision.ListEvidenceAsync(new ListEvidenceRequest { TaskId = id }, token));
        // A reporter may never decide (refused before any lookup); an office finds no such request.
        await Refused(
            isReporter ? StatusCode.PermissionDenied : StatusCode.NotFound,
            Supervision.DecideTaskRequestAsync(Decision(requestId, approve: true), token));
        Assert.Empty((await Supervision.ListTaskRequestsAsync(RequestsOf(task), token)).Requests);
        if (isReporter)
        {
            await Refused(
                StatusCode.NotFound,
                Supervision.RequestExtensionAsync(Extension(task, "2024-03-31", "x"), token));
            await Refused(
                StatusCode.NotFound,
                Supervision.RequestClosureAsync(Closure(task, "x", Guid.NewGuid().ToString()), token));
        }

        using var upload = await Upload(stranger, task, "x.pdf", "%PDF-1.7\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    // The district's list, and the requests the scenarios send.

    private async Task PublishAsync(Guid task, Guid otherTask, int version = 1)
    {
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            District,
            version,
            new DateOnly(2023, 3, 1),
            new PublishedTask
            {
                TaskId = task,
                Number = "5",
                Category = "获得电力",
                Text = "推进低压小微企业用电报装“零上门、零审批、零投资”。",
                LeadUnits = [new AssignedUnit(lead, "区经济信息委")],
                ResponsibleUnits = [new AssignedUnit(responsible, "国网市区供电公司")],
                Deadline = new DateOnly(2023, 12, 31),
            },
            new PublishedTask
            {
                TaskId = otherTask,
                Number = "6",
                Text = "其他任务。",
                LeadUnits = [new AssignedUnit(Guid.NewGuid(), "区发展改革委"), new AssignedUnit(secondLead, "区财政局")],
            }));
        // Each test publishes the district's list anew (retiring the one before): wait for this one.
        await Eventually.TrueAsync(
            () => VisibleAsync(task),
            "the published list never reached the reporting projection");
    }

    private async Task<bool> VisibleAsync(Guid task)
    {
        try
        {
            await app.Reports.GetReportAsync(ReportOf(task, July), Token(Admin()));
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    private static SaveContributionRequest Contribution(Guid taskId, string text) =>
        new() { TaskId = taskId.ToString(), Period = July, Text = text };

    private static RequestExtensionRequest Extension(Guid taskId, string deadline, string reason) =>
        new() { TaskId = taskId.ToString(), RequestedDeadline = deadline, Reason = reason };

    private static RequestClosureRequest Closure(Guid taskId, string reason, params string[] evidenceIds) =>
        new() { TaskId = taskId.ToString(), Reason = reason, EvidenceIds = { evidenceIds } };

    private static ListTaskRequestsRequest RequestsOf(Guid taskId) => new() { TaskId = taskId.ToString() };

    private static DecideTaskRequestRequest Decision(
        string id,
        bool? approve = null,
        string? deadline = null,
        string? comment = null)
    {
        var request = new DecideTaskRequestRequest { Id = id };
        if (approve is { } decided)
        {
            request.Approve = decided;
        }

        if (deadline is not null)
        {
            request.Deadline = deadline;
        }

        if (comment is not null)
        {
            request.Comment = comment;
        }

        return request;
    }

    private AsyncUnaryCall<ReportingSettings> UpdateGraceAsync(int days, Metadata token) =>
        app.Reports.UpdateReportingSettingsAsync(new ReportingSettings { GraceDays = days }, token);

    private string Admin() => app.Tokens.Issue(District, ["district-admin"], ["reports.read", "reports.write"]);

    private string Reporter(Guid unit) =>
        app.Tokens.Issue(District, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString());

    private string Contributor(Guid unit) =>
        app.Tokens.Issue(District, ["unit-contributor"], ["reports.read", "reports.write"], unit: unit.ToString());

    private static Metadata Token(string token) => ReportingApp.Bearer(token);

    private static async Task<RpcException> Refused<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    private static string EvidencePath(Guid taskId) => $"/api/v1/evidence?task_id={taskId}&period={July}";

    /// <summary>Posts a file as the multipart form the evidence endpoint takes, for the task's July.</summary>
    private Task<HttpResponseMessage> Upload(string token, Guid taskId, string name, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return Send(HttpMethod.Post, EvidencePath(taskId), token, form);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Http.SendAsync(request);
    }
}
