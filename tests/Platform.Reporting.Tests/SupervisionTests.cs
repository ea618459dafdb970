using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;

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

    private async Task PublishAsync(Guid task, Guid otherTask, int version = 1)
    {
        await app.Services.GetRequiredService<IBus>().Publish(new TaskListPublished
        {
            TenantId = District, TaskListId = Guid.NewGuid(), Year = 2023, Version = version, IssuedOn = new DateOnly(2023, 3, 1),
            Tasks =
            [
                new PublishedTask
                {
                    TaskId = task, Number = "5", Category = "获得电力", Text = "推进低压小微企业用电报装“零上门、零审批、零投资”。",
                    LeadUnits = [new AssignedUnit(lead, "区经济信息委")], ResponsibleUnits = [new AssignedUnit(responsible, "国网市区供电公司")],
                    Deadline = new DateOnly(2023, 12, 31),
                },
                new PublishedTask
                {
                    TaskId = otherTask, Number = "6", Text = "其他任务。",
                    LeadUnits = [new AssignedUnit(Guid.NewGuid(), "区发展改革委"), new AssignedUnit(secondLead, "区财政局")],
                },
            ],
        });
        // Each test publishes the district's list anew (retiring the one before): wait for this one.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await VisibleAsync(task))
        {
            Assert.True(DateTime.UtcNow < deadline, "the published list never reached the reporting projection");
            await Task.Delay(200);
        }
    }

    private async Task<bool> VisibleAsync(Guid task)
    {
        try
        {
            await app.Reports.GetReportAsync(new GetReportRequest { TaskId = task.ToString(), Period = July }, Token(Admin()));
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AResponsibleUnitsContributionPrefillsTheLeadUnitsDraft()
    {
        var contributor = Token(Contributor(responsible));
        var saved = await Supervision.SaveContributionAsync(new SaveContributionRequest { TaskId = task.ToString(), Period = July, Text = "完成小微企业报装 120 户" }, contributor);
        Assert.Equal("国网市区供电公司", saved.UnitName);

        var draft = await app.Reports.GetReportAsync(new GetReportRequest { TaskId = task.ToString(), Period = July }, Token(Reporter(lead)));
        Assert.False(draft.Exists);
        Assert.Contains("【国网市区供电公司】完成小微企业报装 120 户", draft.Progress);
        Assert.Single(draft.Contributions);

        // A contributor writes only its own part: not another unit's task, not the lead unit's report.
        await Refused(StatusCode.PermissionDenied, Supervision.SaveContributionAsync(new SaveContributionRequest { TaskId = otherTask.ToString(), Period = July, Text = "x" }, contributor));
        await Refused(StatusCode.PermissionDenied, app.Reports.SaveReportAsync(new SaveReportRequest { TaskId = task.ToString(), Period = July, Progress = "x" }, contributor));
        await Refused(StatusCode.PermissionDenied, app.Reports.SaveReportAsync(
            new SaveReportRequest { TaskId = task.ToString(), Period = July, Progress = "x" }, Token(Contributor(lead))));
        await Refused(StatusCode.InvalidArgument, Supervision.SaveContributionAsync(
            new SaveContributionRequest { TaskId = task.ToString(), Period = July, Text = new string('字', 3001) }, contributor));
        await Refused(StatusCode.NotFound, Supervision.ListContributionsAsync(new ListContributionsRequest { TaskId = task.ToString(), Period = July }, Token(app.OtherDistrictAdmin())));
    }

    [Fact]
    public async Task AnApprovedExtensionMovesTheDeadlineAndIsDecidedOnlyOnce()
    {
        var reporter = Token(Reporter(lead));
        var asked = await Supervision.RequestExtensionAsync(new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-03-31", Reason = "设备到货延迟" }, reporter);
        Assert.Equal(TaskRequestStatus.Pending, asked.Status);

        var twice = await Refused(StatusCode.FailedPrecondition, Supervision.RequestExtensionAsync(
            new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-02-28", Reason = "再次申请" }, reporter));
        Assert.Contains("pending", twice.Status.Detail);
        await Refused(StatusCode.PermissionDenied, Supervision.RequestExtensionAsync(
            new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-03-31", Reason = "x" }, Token(Contributor(responsible))));
        await Refused(StatusCode.PermissionDenied, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = true }, reporter));
        await Refused(StatusCode.NotFound, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = true }, Token(app.OtherDistrictAdmin())));
        await Refused(StatusCode.InvalidArgument, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = false }, Token(Admin())));

        // An absent decision is not a refusal, and a deadline before the list's year is not a grant.
        var undecided = await Refused(StatusCode.InvalidArgument, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Comment = "?" }, Token(Admin())));
        Assert.StartsWith("approve:", undecided.Status.Detail);
        await Refused(StatusCode.InvalidArgument, Supervision.DecideTaskRequestAsync(
            new DecideTaskRequestRequest { Id = asked.Id, Approve = true, Deadline = "0001-01-01" }, Token(Admin())));
        Assert.Equal(TaskRequestStatus.Pending, (await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest { TaskId = task.ToString() }, Token(Admin()))).Requests.Single().Status);

        var approved = await Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = true, Deadline = "2024-02-29", Comment = "同意延期至2月底" }, Token(Admin()));
        Assert.Equal((TaskRequestStatus.Approved, "2024-02-29", "2024-02-29"), (approved.Status, approved.GrantedDeadline, approved.TaskDeadline));
        var again = await Refused(StatusCode.FailedPrecondition, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = false, Comment = "撤回" }, Token(Admin())));
        Assert.Contains("already approved", again.Status.Detail);

        await Refused(StatusCode.InvalidArgument, Supervision.RequestExtensionAsync(
            new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-01-31", Reason = "早于现期限" }, reporter));
        var trail = await app.Reports.GetAuditTrailAsync(new GetAuditTrailRequest { TaskId = task.ToString() }, Token(Admin()));
        Assert.Contains(trail.Entries, e => e.Action == "extension approved" && e.After.Contains("2024-02-29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClosureNeedsEvidenceAndOnceVerifiedTurnsTheTaskGreen()
    {
        var reporter = Reporter(lead);
        await Refused(StatusCode.InvalidArgument, Supervision.RequestClosureAsync(new RequestClosureRequest { TaskId = task.ToString(), Reason = "已完成" }, Token(reporter)));

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
            using var body = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1."u8.ToArray());
            body.Headers.TryAddWithoutValidation("Content-Type", broken);
            using var malformed = await Send(HttpMethod.Post, $"/api/v1/evidence?task_id={task}&period={July}", reporter, body);
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using var stranger = await Upload(Reporter(Guid.NewGuid()), task, "x.pdf", "%PDF-1.7\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);

        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();
        using var uploaded = await Upload(reporter, task, "../../验收报告.pdf", pdf);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidence = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var evidenceId = evidence.GetProperty("id").GetString()!;
        Assert.Equal("验收报告.pdf", evidence.GetProperty("fileName").GetString());

        using var otherUpload = await Upload(Admin(), otherTask, "other.pdf", pdf);
        var foreignId = (await otherUpload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Refused(StatusCode.NotFound, Supervision.RequestClosureAsync(
            new RequestClosureRequest { TaskId = task.ToString(), Reason = "已完成", EvidenceIds = { foreignId } }, Token(reporter)));

        var closure = await Supervision.RequestClosureAsync(new RequestClosureRequest { TaskId = task.ToString(), Reason = "全部完成", EvidenceIds = { evidenceId } }, Token(reporter));
        var verified = await Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = closure.Id, Approve = true }, Token(Admin()));
        Assert.NotEmpty(verified.TaskClosedOn);

        var july = await app.Reports.GetReportAsync(new GetReportRequest { TaskId = task.ToString(), Period = July }, Token(Admin()));
        Assert.Equal(Light.Green, july.Light);
        Assert.Contains(july.LightReasons, r => r.Contains("已办结", StringComparison.Ordinal));
        var files = await Supervision.ListEvidenceAsync(new ListEvidenceRequest { TaskId = task.ToString() }, Token(app.Tokens.Issue(District, ["district-leader"], ["reports.read"])));
        Assert.Equal(pdf.Length, files.Files.Single().Size);

        using var download = await Send(HttpMethod.Get, $"/api/v1/evidence/{evidenceId}", Admin());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        using var foreign = await Send(HttpMethod.Get, $"/api/v1/evidence/{evidenceId}", app.OtherDistrictAdmin());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await Refused(StatusCode.FailedPrecondition, Supervision.RequestClosureAsync(
            new RequestClosureRequest { TaskId = task.ToString(), Reason = "再次办结", EvidenceIds = { evidenceId } }, Token(reporter)));
    }

    [Fact]
    public async Task TheOfficeReviewsEachLeadUnitsReportOfATaskWithTwo()
    {
        var second = Token(Reporter(secondLead));
        var id = otherTask.ToString();
        await app.Reports.SaveReportAsync(new SaveReportRequest { TaskId = id, Period = July, Progress = "财政资金已拨付", SelfStatus = SelfStatus.OnTrack }, second);
        await app.Reports.SubmitReportAsync(new ReportActionRequest { TaskId = id, Period = July }, second);

        // Without naming the unit the office reviews the first lead's report, which is not written yet.
        await Refused(StatusCode.FailedPrecondition, app.Reports.AcceptReportAsync(new ReportActionRequest { TaskId = id, Period = July }, Token(Admin())));
        var accepted = await app.Reports.AcceptReportAsync(new ReportActionRequest { TaskId = id, Period = July, LeadUnitId = secondLead.ToString() }, Token(Admin()));
        Assert.Equal((ReportStatus.Accepted, secondLead.ToString()), (accepted.Status, accepted.LeadUnitId));
        var read = await app.Reports.GetReportAsync(new GetReportRequest { TaskId = id, Period = July, LeadUnitId = secondLead.ToString() }, Token(Admin()));
        Assert.Equal("财政资金已拨付", read.Progress);
        await Refused(StatusCode.NotFound, app.Reports.GetReportAsync(new GetReportRequest { TaskId = id, Period = July, LeadUnitId = lead.ToString() }, Token(Admin())));
    }

    [Fact]
    public async Task ANewVersionOfTheListKeepsEveryMonthAlreadyReported()
    {
        var reporter = Token(Reporter(lead));
        await app.Reports.SaveReportAsync(new SaveReportRequest { TaskId = task.ToString(), Period = July, Progress = "七月已推进", SelfStatus = SelfStatus.OnTrack }, reporter);
        await app.Reports.SubmitReportAsync(new ReportActionRequest { TaskId = task.ToString(), Period = July }, reporter);
        var asked = await Supervision.RequestExtensionAsync(new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-01-31", Reason = "设备到货延迟" }, reporter);
        await Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = true }, Token(Admin()));

        // The office corrects the list and publishes version 2: the same numbers, new tasks.
        var revised = Guid.NewGuid();
        await PublishAsync(revised, Guid.NewGuid(), version: 2);
        var carried = await app.Reports.GetReportAsync(new GetReportRequest { TaskId = revised.ToString(), Period = July }, Token(Admin()));
        Assert.Equal((true, ReportStatus.Submitted, "七月已推进"), (carried.Exists, carried.Status, carried.Progress));
        var requests = await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest { TaskId = revised.ToString() }, Token(Admin()));
        Assert.Equal("2024-01-31", requests.Requests.Single().TaskDeadline);
        var trail = await app.Reports.GetAuditTrailAsync(new GetAuditTrailRequest { TaskId = revised.ToString() }, Token(Admin()));
        Assert.Contains(trail.Entries, e => e.Action == "submitted");
        await Refused(StatusCode.NotFound, app.Reports.GetReportAsync(new GetReportRequest { TaskId = Guid.NewGuid().ToString(), Period = July }, Token(Admin())));
    }

    [Fact]
    public async Task EachDistrictSetsItsOwnGracePeriod()
    {
        var admin = Token(Admin());
        Assert.Equal(5, (await app.Reports.GetReportingSettingsAsync(new GetReportingSettingsRequest(), admin)).GraceDays);
        Assert.Equal(10, (await app.Reports.UpdateReportingSettingsAsync(new ReportingSettings { GraceDays = 10 }, admin)).GraceDays);

        // A field left out (or null over REST) is left alone: it never resets the grace to 0.
        Assert.Equal(10, (await app.Reports.UpdateReportingSettingsAsync(new ReportingSettings(), admin)).GraceDays);
        Assert.Equal(10, (await app.Reports.GetReportingSettingsAsync(new GetReportingSettingsRequest(), admin)).GraceDays);
        var periods = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, admin);
        Assert.Equal("2023-08-10", periods.Periods.Single(p => p.Key == July).GraceUntil);

        await Refused(StatusCode.InvalidArgument, app.Reports.UpdateReportingSettingsAsync(new ReportingSettings { GraceDays = 31 }, admin));
        await Refused(StatusCode.PermissionDenied, app.Reports.UpdateReportingSettingsAsync(new ReportingSettings { GraceDays = 0 }, Token(Reporter(lead))));
        await Refused(StatusCode.PermissionDenied, app.Reports.UpdateReportingSettingsAsync(new ReportingSettings { GraceDays = 0 }, Token(app.MunicipalViewer())));

        // Another district keeps the default.
        var other = await app.Reports.ListPeriodsAsync(new ListPeriodsRequest { Year = 2023 }, ReportingApp.Bearer(app.Admin()));
        Assert.Equal("2023-08-05", other.Periods.Single(p => p.Key == July).GraceUntil);
    }

    [Fact]
    public async Task AnotherDistrictFindsNothingOfThisOneThroughAnyMethod()
    {
        var reporter = Token(Reporter(lead));
        var asked = await Supervision.RequestExtensionAsync(new RequestExtensionRequest { TaskId = task.ToString(), RequestedDeadline = "2024-03-31", Reason = "设备到货延迟" }, reporter);

        // Another district's office, and a reporter there who claims this task's lead unit as its own.
        var strangers = new[]
        {
            (Token: app.OtherDistrictAdmin(), IsReporter: false),
            (Token: app.Tokens.Issue("500198", ["unit-reporter"], ["reports.read", "reports.write"], unit: lead.ToString()), IsReporter: true),
        };
        foreach (var (stranger, isReporter) in strangers)
        {
            var token = Token(stranger);
            var id = task.ToString();
            await Refused(StatusCode.NotFound, Supervision.ListContributionsAsync(new ListContributionsRequest { TaskId = id, Period = July }, token));
            await Refused(StatusCode.NotFound, Supervision.SaveContributionAsync(new SaveContributionRequest { TaskId = id, Period = July, Text = "x" }, token));
            await Refused(StatusCode.NotFound, Supervision.ListEvidenceAsync(new ListEvidenceRequest { TaskId = id }, token));
            // A reporter may never decide (refused before any lookup); an office finds no such request.
            await Refused(isReporter ? StatusCode.PermissionDenied : StatusCode.NotFound, Supervision.DecideTaskRequestAsync(new DecideTaskRequestRequest { Id = asked.Id, Approve = true }, token));
            Assert.Empty((await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest { TaskId = id }, token)).Requests);
            if (isReporter)
            {
                await Refused(StatusCode.NotFound, Supervision.RequestExtensionAsync(new RequestExtensionRequest { TaskId = id, RequestedDeadline = "2024-03-31", Reason = "x" }, token));
                await Refused(StatusCode.NotFound, Supervision.RequestClosureAsync(new RequestClosureRequest { TaskId = id, Reason = "x", EvidenceIds = { Guid.NewGuid().ToString() } }, token));
            }

            using var upload = await Upload(stranger, task, "x.pdf", "%PDF-1.7\n"u8.ToArray());
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        Assert.Equal(TaskRequestStatus.Pending, (await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest { TaskId = task.ToString() }, Token(Admin()))).Requests.Single().Status);
    }

    private string Admin() => app.Tokens.Issue(District, ["district-admin"], ["reports.read", "reports.write"]);

    private string Reporter(Guid unit) => app.Tokens.Issue(District, ["unit-reporter"], ["reports.read", "reports.write"], unit: unit.ToString());

    private string Contributor(Guid unit) => app.Tokens.Issue(District, ["unit-contributor"], ["reports.read", "reports.write"], unit: unit.ToString());

    private static Metadata Token(string token) => ReportingApp.Bearer(token);

    private static async Task<RpcException> Refused<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    /// <summary>A Word-shaped zip of a few hundred kilobytes whose document.xml inflates to the given size.</summary>
    private Task<HttpResponseMessage> Upload(string token, Guid taskId, string name, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return Send(HttpMethod.Post, $"/api/v1/evidence?task_id={taskId}&period={July}", token, form);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Http.SendAsync(request);
    }
}
