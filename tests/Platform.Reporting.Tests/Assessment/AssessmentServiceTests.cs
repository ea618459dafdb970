using System.Net;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Consumers;
using Platform.Reporting.Data;
using static Platform.Reporting.Tests.ReportRequests;

namespace Platform.Reporting.Tests.Assessment;

/// <summary>
/// The Assessments service on the reporting host, each test in a district of its own: preview saves nothing, apply
/// versions the rules, a closed year is frozen, a unit sees only its own score, other districts and the municipal
/// level see none, a 督办单 delivered twice counts once, and the events go out through the outbox.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class AssessmentServiceTests(ReportingApp app) : IAsyncLifetime
{
    private const string July = "2023-07";
    private static int lastDistrict;
    private readonly string district = $"5003{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid scjTask = Guid.NewGuid();
    private readonly Guid jxwTask = Guid.NewGuid();
    private readonly Guid scj = Guid.NewGuid();
    private readonly Guid jxw = Guid.NewGuid();

    private Assessments.AssessmentsClient Assessments => new(app.Channel);

    private Metadata Office => Bearer(Tokens(["district-admin"], ["reports.read", "reports.write"]));

    public Task InitializeAsync() => PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APreviewSavesNothingAndApplyingChangedRulesMakesANewVersion()
    {
        var preview = await Assessments.PreviewAssessmentAsync(Rules(), Office);
        Assert.Equal(["区市场监管局", "区经济信息委"], preview.Units.Select(u => u.UnitName).Order(StringComparer.Ordinal));
        Assert.False(preview.Applied);
        Assert.False((await Assessments.GetAssessmentAsync(Year(), Office)).Applied);
        Assert.Empty((await Assessments.ListAssessmentRuleVersionsAsync(new(), Office)).Versions);
        Assert.Empty(await EventsAsync(nameof(AssessmentPublished)));

        var applied = await Assessments.ApplyAssessmentAsync(Rules(), Office);
        Assert.Equal((true, 1, false), (applied.Applied, applied.RuleVersion, applied.Final));
        Assert.Equal(preview.Units.Select(u => u.Score), applied.Units.Select(u => u.Score));
        var again = await Assessments.ApplyAssessmentAsync(Rules(), Office);
        Assert.Equal(1, again.RuleVersion);

        var stricter = Rules(missing: 5);
        var second = await Assessments.ApplyAssessmentAsync(stricter, Office);
        Assert.Equal(2, second.RuleVersion);
        var versions = await Assessments.ListAssessmentRuleVersionsAsync(new(), Office);
        Assert.Equal([2, 1], versions.Versions.Select(v => v.Version));
        Assert.Equal(2, (await Assessments.GetAssessmentRulesAsync(new(), Office)).Version);
        Assert.True(second.Units.Sum(u => u.Score) < applied.Units.Sum(u => u.Score));
        Assert.All(second.Units, u => Assert.Contains(u.Reasons, r => r.Text.Contains("月报逾期未报 −5")));

        var published = await EventsAsync(nameof(AssessmentPublished));
        Assert.Equal(3, published.Count);
        Assert.All(published, e => Assert.False(e.GetProperty("final").GetBoolean()));
        Assert.Equal(2, published[^1].GetProperty("ruleVersion").GetInt32());
    }

    [Fact]
    public async Task AReturnedReportIsExplainedAndAClosedYearStaysFrozen()
    {
        var scjReporter = Bearer(Tokens(["unit-reporter"], ["reports.read", "reports.write"], scj));
        await app.Reports.SaveReportAsync(Report(scjTask, July, "已推进", SelfStatus.OnTrack), scjReporter);
        await app.Reports.SubmitReportAsync(ActionOn(scjTask, July), scjReporter);
        await app.Reports.ReturnReportAsync(ActionOn(scjTask, July, comment: "请补充成效"), Office);

        var notYet = await Refused(StatusCode.FailedPrecondition, Assessments.CloseYearAsync(Close(), Office));
        Assert.Contains("尚未应用", notYet.Status.Detail);
        var applied = await Assessments.ApplyAssessmentAsync(Rules(), Office);
        var scjScore = applied.Units.Single(u => u.UnitName == "区市场监管局");
        Assert.Contains(scjScore.Reasons, r => r.Text == "2023-07 月报因质量问题被退回 −0.5（任务 1）");

        var closed = await Assessments.CloseYearAsync(Close(), Office);
        Assert.True(closed.Final);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(applied.Units.Select(u => (u.UnitName, u.Score)), closed.Units.Select(u => (u.UnitName, u.Score)));

        await Refused(StatusCode.FailedPrecondition, Assessments.CloseYearAsync(Close(), Office));
        var refused = await Refused(
            StatusCode.FailedPrecondition,
            Assessments.ApplyAssessmentAsync(Rules(missing: 9), Office));
        Assert.Contains("考核结果已冻结", refused.Status.Detail);
        var frozen = await Assessments.GetAssessmentAsync(Year(), Office);
        Assert.Equal((1, true), (frozen.RuleVersion, frozen.Final));
        Assert.Equal(applied.Units.Select(u => u.Score), frozen.Units.Select(u => u.Score));
        Assert.Single((await Assessments.ListAssessmentRuleVersionsAsync(new(), Office)).Versions);

        var yearClosed = Assert.Single(await EventsAsync(nameof(YearClosed)));
        Assert.Equal(2, yearClosed.GetProperty("taskCount").GetInt32());
        Assert.Equal(
            ["未报", "未报"],
            yearClosed.GetProperty("unfinished").EnumerateArray().Select(u => u.GetProperty("outcome").GetString()));
        var published = await EventsAsync(nameof(AssessmentPublished));
        Assert.Equal([false, true], published.Select(e => e.GetProperty("final").GetBoolean()));
    }

    [Fact]
    public async Task AUnitSeesOnlyItsOwnScoreAndNoOtherDistrictOrTheMunicipalLevelSeesAny()
    {
        await Assessments.ApplyAssessmentAsync(Rules(), Office);
        var own = await Assessments.GetAssessmentAsync(
            Year(),
            Bearer(Tokens(["unit-reporter"], ["reports.read", "reports.write"], scj)));
        Assert.Equal("区市场监管局", Assert.Single(own.Units).UnitName);
        Assert.Equal(2, own.UnitCount);
        var leaderToken = Bearer(Tokens(["district-leader"], ["reports.read"]));
        Assert.Equal(2, (await Assessments.GetAssessmentAsync(Year(), leaderToken)).Units.Count);

        var reporter = Bearer(Tokens(["unit-reporter"], ["reports.read", "reports.write"], scj));
        await Refused(StatusCode.PermissionDenied, Assessments.PreviewAssessmentAsync(Rules(), reporter));
        await Refused(StatusCode.PermissionDenied, Assessments.ApplyAssessmentAsync(Rules(), reporter));
        await Refused(StatusCode.PermissionDenied, Assessments.CloseYearAsync(Close(), reporter));
        await Refused(StatusCode.PermissionDenied, Assessments.ListAssessmentRuleVersionsAsync(new(), reporter));
        await Refused(StatusCode.PermissionDenied, Assessments.ApplyAssessmentAsync(Rules(), leaderToken));
        var viewer = Bearer(app.MunicipalViewer("500000"));
        await Refused(StatusCode.PermissionDenied, Assessments.GetAssessmentAsync(Year(), viewer));

        // Another district's office sees its own (empty) year, never this one's units.
        var other = await Assessments.GetAssessmentAsync(Year(), Bearer(app.OtherDistrictAdmin()));
        Assert.Empty(other.Units);
        Assert.DoesNotContain(
            (await Assessments.PreviewAssessmentAsync(Rules(), Bearer(app.OtherDistrictAdmin()))).Units,
            u => u.UnitId == scj.ToString() || u.UnitId == jxw.ToString());
    }

    [Fact]
    public async Task RulesOutOfBoundsAndHostileValuesAreRefused()
    {
        var negative = Rules();
        negative.Rules.Items[0].Points = -1;
        await Refused(StatusCode.InvalidArgument, Assessments.PreviewAssessmentAsync(negative, Office));
        var unknown = Rules();
        unknown.Rules.Items[0].Kind = "3";
        await Refused(StatusCode.InvalidArgument, Assessments.ApplyAssessmentAsync(unknown, Office));
        var infinite = Rules();
        infinite.Rules.BaseScore = double.PositiveInfinity;
        await Refused(StatusCode.InvalidArgument, Assessments.ApplyAssessmentAsync(infinite, Office));
        var bad = Rules();
        bad.Year = 1;
        await Refused(StatusCode.InvalidArgument, Assessments.PreviewAssessmentAsync(bad, Office));
        await Refused(
            StatusCode.InvalidArgument,
            Assessments.ApplyAssessmentAsync(new AssessmentRulesRequest { Year = 2023 }, Office));
        Assert.Empty((await Assessments.ListAssessmentRuleVersionsAsync(new(), Office)).Versions);
    }

    [Fact]
    public async Task ASupervisionNoticeDeliveredTwiceIsCountedOnce()
    {
        var notice = new SupervisionNoticeIssued
        {
            TenantId = district, UnitId = scj, UnitName = "区市场监管局", Period = "2023-06", TaskIds = [scjTask],
            NoticeId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow,
        };
        var bus = app.Services.GetRequiredService<IBus>();
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        await bus.Publish(notice, c => c.MessageId = first);
        await bus.Publish(notice with { OccurredAt = notice.OccurredAt.AddMinutes(5) }, c => c.MessageId = second);
        await Eventually.TrueAsync(
            async () => await ConsumedAsync(first, second) == 2,
            "the two deliveries of the 督办单 were never consumed");

        var preview = await Assessments.PreviewAssessmentAsync(Rules(), Office);
        var scjScore = preview.Units.Single(u => u.UnitName == "区市场监管局");
        var counted = Assert.Single(scjScore.Reasons, r => r.Kind == "SupervisionNotice");
        Assert.Equal("2023-06 收到督办单 −3", counted.Text);
        Assert.DoesNotContain(
            preview.Units.Single(u => u.UnitName == "区经济信息委").Reasons,
            r => r.Kind == "SupervisionNotice");
    }

    [Fact]
    public async Task OfficesApplyingAtOnceMakeOneVersionEachOrAreToldToTryAgain()
    {
        var calls = Enumerable.Range(1, 4)
            .Select(async k =>
            {
                try
                {
                    return (await Assessments.ApplyAssessmentAsync(Rules(missing: k), Office)).RuleVersion;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
                {
                    return 0;
                }
            })
            .ToList();
        var versions = await Task.WhenAll(calls);

        var applied = versions.Where(v => v > 0).ToList();
        Assert.NotEmpty(applied);
        var stored = (await Assessments.ListAssessmentRuleVersionsAsync(new(), Office)).Versions;
        Assert.Equal(Enumerable.Range(1, stored.Count).Reverse(), stored.Select(v => v.Version));
        var year = await Assessments.GetAssessmentAsync(Year(), Office);
        Assert.Contains(year.RuleVersion, stored.Select(v => v.Version));
        // The results are those of the version they name, never a mix of two applies.
        var points = stored.Single(v => v.Version == year.RuleVersion).Rules.Items
            .Single(i => i.Kind == "MissingReport").Points;
        var missing = year.Units.SelectMany(u => u.Reasons).Where(r => r.Kind == "MissingReport").ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, r => Assert.Contains($"−{points}（", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRestRoutesOfTheAgreedSurfaceAnswer()
    {
        var token = Tokens(["district-admin"], ["reports.read", "reports.write"]);
        var rules = await RestAsync(HttpMethod.Get, "/api/v1/assessment/rules", token);
        Assert.Equal(HttpStatusCode.OK, rules.Status);
        Assert.Contains("\"MissingReport\"", rules.Body);
        var body = """{"rules":{"baseScore":100,"items":[{"kind":"MissingReport","points":2,"enabled":true}]}}""";
        var preview = await RestAsync(HttpMethod.Post, "/api/v1/assessment/2023:preview", token, body);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("区市场监管局", preview.Body);
        Assert.Equal(HttpStatusCode.OK, (await RestAsync(HttpMethod.Get, "/api/v1/assessment/2023", token)).Status);
        Assert.Equal(
            HttpStatusCode.OK,
            (await RestAsync(HttpMethod.Get, "/api/v1/assessment/rules/versions", token)).Status);
        var notApplied = await RestAsync(HttpMethod.Post, "/api/v1/assessment/2023:closeYear", token, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, notApplied.Status);
        var hostile = """{"rules":{"baseScore":1e308,"items":[]}}""";
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await RestAsync(HttpMethod.Post, "/api/v1/assessment/2023:apply", token, hostile)).Status);
    }

    private AssessmentRulesRequest Rules(double missing = 2) => new()
    {
        Year = 2023,
        Rules = new AssessmentRules
        {
            BaseScore = 100,
            ClosureCountsAsCompleted = true,
            Items =
            {
                new AssessmentItem { Kind = "MissingReport", Points = missing, Enabled = true },
                new AssessmentItem { Kind = "LateReport", Points = 1, Cap = 10, Enabled = true },
                new AssessmentItem { Kind = "ReturnedReport", Points = 0.5, Cap = 5, Enabled = true },
                new AssessmentItem { Kind = "SupervisionNotice", Points = 3, Cap = 15, Enabled = true },
            },
        },
    };

    private static GetAssessmentRequest Year() => new() { Year = 2023 };

    private static CloseYearRequest Close() => new() { Year = 2023 };

    private string Tokens(string[] roles, string[] scopes, Guid? unit = null) =>
        app.Tokens.Issue(district, roles, scopes, unit: unit?.ToString());

    private static Metadata Bearer(string token) => ReportingApp.Bearer(token);

    private static async Task<RpcException> Refused<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    private async Task<(HttpStatusCode Status, string Body)> RestAsync(
        HttpMethod method,
        string path,
        string token,
        string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await app.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>This district's events of a type in the outbox, oldest first.</summary>
    private async Task<List<JsonElement>> EventsAsync(string type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var bodies = await scope.ServiceProvider.GetRequiredService<ReportingDbContext>()
            .Set<OutboxMessage>()
            .Where(m => m.MessageType.StartsWith("Platform.Contracts.Events." + type + ","))
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .Select(m => m.Body)
            .ToListAsync();
        return bodies
            .Select(b => JsonDocument.Parse(b).RootElement)
            .Where(e => e.GetProperty("tenantId").GetString() == district)
            .ToList();
    }

    private async Task<int> ConsumedAsync(params Guid[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var consumer = typeof(SupervisionNoticeConsumer).FullName!;
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>()
            .Set<InboxMessage>()
            .CountAsync(m => messages.Contains(m.MessageId) && m.Consumer == consumer);
    }

    private async Task PublishAsync()
    {
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            district,
            1,
            new DateOnly(2023, 3, 1),
            new PublishedTask
            {
                TaskId = scjTask, Number = "1", Category = "市场准入", Text = "深化商事制度改革。",
                LeadUnits = [new AssignedUnit(scj, "区市场监管局")], Deadline = new DateOnly(2023, 12, 31),
            },
            new PublishedTask
            {
                TaskId = jxwTask, Number = "2", Category = "获得电力", Text = "推进小微企业用电报装。",
                LeadUnits = [new AssignedUnit(jxw, "区经济信息委")], Deadline = new DateOnly(2023, 12, 31),
            }));
        await Eventually.TrueAsync(
            async () => (await Assessments.PreviewAssessmentAsync(Rules(), Office)).Units.Count == 2,
            "the published list never reached the reporting projection");
    }
}
