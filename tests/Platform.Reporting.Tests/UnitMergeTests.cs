using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using static Platform.Reporting.Tests.ReportRequests;

namespace Platform.Reporting.Tests;

/// <summary>
/// Two units merge (UnitChanged, Merged) in a district of its own: the unit that takes over leads what the merged unit
/// led, holds its reports, contributions and requests, and sees its lights; nothing the merged unit handed in is owed
/// again. Where both led a task, the month's report further along stands, with the higher version, and the other is
/// kept and audited. A list naming the merged unit that arrives after the merge, and the merge event delivered twice,
/// change nothing more.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class UnitMergeTests(ReportingApp app)
{
    private const string District = "500297";
    private const string July = "2023-07";
    private readonly Guid merged = Guid.NewGuid();
    private readonly Guid into = Guid.NewGuid();
    private readonly Guid alone = Guid.NewGuid();
    private readonly Guid both = Guid.NewGuid();
    private readonly Guid shared = Guid.NewGuid();

    private Supervision.SupervisionClient Supervision => new(app.Channel);

    private Metadata Admin => Token(["district-admin"], null);

    private Metadata OldReporter => Token(["unit-reporter"], merged);

    private Metadata NewReporter => Token(["unit-reporter"], into);

    [Fact]
    public async Task TheUnitThatTakesOverHoldsTheMergedUnitsTasksReportsAndRequestsAndNothingHandedInIsOwedAgain()
    {
        await PublishAsync(version: 1, alone, both, shared);
        var draftVersion = await BeforeTheMergeEachUnitWritesItsPartAsync();

        var merge = Merge(version: 2);
        await app.Services.GetRequiredService<IBus>().Publish(merge);
        await Eventually.TrueAsync(
            async () => (await app.Reports.GetReportAsync(ReportOf(alone, July), Admin)).LeadUnitId == into.ToString(),
            "the merge never reached reporting");

        await TheUnitThatTookOverHoldsTheReportsAsync(draftVersion);
        await TheMergedUnitLeadsNothingAsync();
        await ItsContributionAndRequestPassToTheUnitThatTookOverAsync();
        await NothingEitherUnitHandedInIsOwedAsync();
        await TheMergeAgainAndALateListChangeNothingAsync(merge);
    }

    /// <summary>
    /// Before the merge: the merged unit submits July of the task it leads alone and of the one both lead (where the
    /// other unit only has a draft with more edits), and contributes to the task the other unit leads. Returns the
    /// version of the other unit's draft.
    /// </summary>
    private async Task<int> BeforeTheMergeEachUnitWritesItsPartAsync()
    {
        await SubmitAsync(alone, OldReporter, "旧单位报送");
        await SubmitAsync(both, OldReporter, "旧单位共同牵头的报送");
        for (var edit = 0; edit < 3; edit++)
        {
            await app.Reports.SaveReportAsync(Report(both, July, "新单位草稿" + edit, SelfStatus.OnTrack), NewReporter);
        }

        var draftVersion = (await app.Reports.GetReportAsync(ReportOf(both, July, into), Admin)).Version;
        await Supervision.SaveContributionAsync(
            new SaveContributionRequest { TaskId = shared.ToString(), Period = July, Text = "配合完成" },
            Token(["unit-contributor"], merged));
        await Supervision.RequestExtensionAsync(
            new RequestExtensionRequest
            {
                TaskId = alone.ToString(),
                Reason = "机构调整",
                RequestedDeadline = "2024-03-31",
            },
            OldReporter);
        return draftVersion;
    }

    /// <summary>
    /// The unit that took over holds the report of the task the merged unit led alone, and the one further along of
    /// the task both led, with the higher of the two versions; the other is audited.
    /// </summary>
    private async Task TheUnitThatTookOverHoldsTheReportsAsync(int draftVersion)
    {
        var aloneReport = await app.Reports.GetReportAsync(ReportOf(alone, July), NewReporter);
        Assert.Equal(
            (into.ToString(), ReportStatus.Submitted, "旧单位报送"),
            (aloneReport.LeadUnitId, aloneReport.Status, aloneReport.Progress));
        var bothReport = await app.Reports.GetReportAsync(ReportOf(both, July), NewReporter);
        Assert.Equal(
            (into.ToString(), ReportStatus.Submitted, "旧单位共同牵头的报送"),
            (bothReport.LeadUnitId, bothReport.Status, bothReport.Progress));
        Assert.True(
            bothReport.Version >= draftVersion,
            $"the report that stands has version {bothReport.Version}, below the draft's {draftVersion}");
        var trail = (await app.Reports.GetAuditTrailAsync(new GetAuditTrailRequest { TaskId = both.ToString() }, Admin))
            .Entries;
        var audited = Assert.Single(trail, e => e.Action == "unit-merged");
        Assert.Contains("新单位草稿2", audited.Before, StringComparison.Ordinal);
    }

    /// <summary>
    /// The merged unit leads nothing: its reporter's old token writes nothing, and the new one writes the next month.
    /// </summary>
    private async Task TheMergedUnitLeadsNothingAsync()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(
            () => app.Reports.SaveReportAsync(Report(alone, "2023-08", "x"), OldReporter).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await app.Reports.SaveReportAsync(Report(alone, "2023-08", "接续报送", SelfStatus.OnTrack), NewReporter);
    }

    /// <summary>
    /// Its contribution is the other unit's, its request still waits for the office, and the reports of the month
    /// name only the unit that took over.
    /// </summary>
    private async Task ItsContributionAndRequestPassToTheUnitThatTookOverAsync()
    {
        var contributions = await Supervision.ListContributionsAsync(
            new ListContributionsRequest { TaskId = shared.ToString(), Period = July },
            Admin);
        Assert.Equal(
            (into.ToString(), "区经济信息委"),
            (contributions.Contributions.Single().UnitId, contributions.Contributions.Single().UnitName));
        var requests = await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest(), Admin);
        Assert.Equal(TaskRequestStatus.Pending, requests.Requests.Single(r => r.TaskId == alone.ToString()).Status);
        var listed = await app.Reports.ListReportsAsync(new ListReportsRequest { Period = July }, Admin);
        Assert.DoesNotContain(listed.Reports, r => r.LeadUnitId == merged.ToString());
        Assert.Equal(
            2,
            listed.Reports.Count(r => r.LeadUnitId == into.ToString() && r.Status == ReportStatus.Submitted));
    }

    /// <summary>Nothing either unit handed in is owed, under either id.</summary>
    private async Task NothingEitherUnitHandedInIsOwedAsync()
    {
        var confirm = new ConfirmOwedRequest { TenantId = District };
        foreach (var task in new[] { alone, both })
        {
            foreach (var unit in new[] { merged, into })
            {
                confirm.Items.Add(new OwedItem
                {
                    TaskId = task.ToString(),
                    Period = July,
                    LeadUnitId = unit.ToString(),
                });
            }
        }

        var checks = new SupervisionChecks.SupervisionChecksClient(app.Channel);
        Assert.Empty((await checks.ConfirmOwedAsync(confirm, Token([], null, "reports.confirm"))).StillOwed);
    }

    /// <summary>
    /// The merge delivered again, and version 3 of the list still naming the merged unit (sent before the merge,
    /// arriving after it), change nothing: the unit that took over leads, with its reports carried to the new tasks.
    /// </summary>
    private async Task TheMergeAgainAndALateListChangeNothingAsync(UnitChanged merge)
    {
        await app.Services.GetRequiredService<IBus>().Publish(merge);
        var (alone3, both3, shared3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(version: 3, alone3, both3, shared3);
        var carried = await app.Reports.GetReportAsync(ReportOf(alone3, July), NewReporter);
        Assert.Equal((into.ToString(), "旧单位报送"), (carried.LeadUnitId, carried.Progress));
        var july = await app.Reports.ListReportsAsync(new ListReportsRequest { Period = July }, Admin);
        Assert.DoesNotContain(july.Reports, r => r.LeadUnitId == merged.ToString());
        Assert.Equal(
            [into.ToString()],
            july.Reports.Where(r => r.TaskId == both3.ToString()).Select(r => r.LeadUnitId));
    }

    private async Task SubmitAsync(Guid task, Metadata reporter, string progress)
    {
        await app.Reports.SaveReportAsync(Report(task, July, progress, SelfStatus.OnTrack), reporter);
        await app.Reports.SubmitReportAsync(
            new ReportActionRequest { TaskId = task.ToString(), Period = July },
            reporter);
    }

    private UnitChanged Merge(int version) => new()
    {
        TenantId = District,
        UnitId = merged,
        Change = UnitChangeKind.Merged,
        Name = "区商务委",
        RetiredAt = DateTimeOffset.UtcNow,
        MergedIntoId = into,
        MergedIntoName = "区经济信息委",
        Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task PublishAsync(int version, Guid alone, Guid both, Guid shared)
    {
        await app.Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            District,
            version,
            new DateOnly(2023, 6, 1),
            new PublishedTask
            {
                TaskId = alone,
                Number = "1",
                Text = "外贸稳增长。",
                LeadUnits = [new AssignedUnit(merged, "区商务委")],
            },
            new PublishedTask
            {
                TaskId = both,
                Number = "2",
                Text = "数字经济发展。",
                LeadUnits = [new AssignedUnit(into, "区经济信息委"), new AssignedUnit(merged, "区商务委")],
            },
            new PublishedTask
            {
                TaskId = shared,
                Number = "3",
                Text = "招商引资。",
                LeadUnits = [new AssignedUnit(into, "区经济信息委")],
                ResponsibleUnits = [new AssignedUnit(merged, "区商务委")],
            }));
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await app.Reports.GetReportAsync(ReportOf(alone, July), Admin);
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, $"version {version} of the list never reached the reporting projection");
    }

    private Metadata Token(string[] roles, Guid? unit, string scopes = "reports.read reports.write") =>
        ReportingApp.Bearer(app.Tokens.Issue(District, roles, scopes.Split(' '), unit: unit?.ToString()));
}
