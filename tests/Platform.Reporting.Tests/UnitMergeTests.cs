using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;

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

    [Fact]
    public async Task TheUnitThatTakesOverHoldsTheMergedUnitsTasksReportsAndRequestsAndNothingHandedInIsOwedAgain()
    {
        await PublishAsync(version: 1, alone, both, shared);
        var admin = Token(["district-admin"], null);
        var (oldReporter, newReporter) = (Token(["unit-reporter"], merged), Token(["unit-reporter"], into));

        // Before the merge: the merged unit submits July of the task it leads alone and of the one both lead (where the
        // other unit only has a draft with more edits), and contributes to the task the other unit leads.
        await SubmitAsync(alone, oldReporter, "旧单位报送");
        await SubmitAsync(both, oldReporter, "旧单位共同牵头的报送");
        for (var edit = 0; edit < 3; edit++)
        {
            await app.Reports.SaveReportAsync(
                new SaveReportRequest
                {
                    TaskId = both.ToString(),
                    Period = July,
                    Progress = "新单位草稿" + edit,
                    SelfStatus = SelfStatus.OnTrack,
                },
                newReporter);
        }

        var draftVersion = (await app.Reports.GetReportAsync(
            new GetReportRequest { TaskId = both.ToString(), Period = July, LeadUnitId = into.ToString() },
            admin)).Version;
        await Supervision.SaveContributionAsync(new SaveContributionRequest
        {
            TaskId = shared.ToString(),
            Period = July,
            Text = "配合完成",
        },
            Token(["unit-contributor"], merged));
        await Supervision.RequestExtensionAsync(
            new RequestExtensionRequest
            {
                TaskId = alone.ToString(),
                Reason = "机构调整",
                RequestedDeadline = "2024-03-31",
            },
            oldReporter);

        var merge = Merge(version: 2);
        await app.Services.GetRequiredService<IBus>().Publish(merge);
        await EventuallyAsync(
            async () =>
                (await app.Reports.GetReportAsync(
                    new GetReportRequest { TaskId = alone.ToString(), Period = July },
                    admin)).LeadUnitId == into.ToString(),
            "the merge never reached reporting");

        // The unit that took over holds the report of the task the merged unit led alone, and the one further along of
        // the task both led, with the higher of the two versions.
        var aloneReport = await app.Reports.GetReportAsync(
            new GetReportRequest { TaskId = alone.ToString(), Period = July },
            newReporter);
        Assert.Equal(
            (into.ToString(), ReportStatus.Submitted, "旧单位报送"),
            (aloneReport.LeadUnitId, aloneReport.Status, aloneReport.Progress));
        var bothReport = await app.Reports.GetReportAsync(
            new GetReportRequest { TaskId = both.ToString(), Period = July },
            newReporter);
        Assert.Equal(
            (into.ToString(), ReportStatus.Submitted, "旧单位共同牵头的报送"),
            (bothReport.LeadUnitId, bothReport.Status, bothReport.Progress));
        Assert.True(
            bothReport.Version >= draftVersion,
            $"the report that stands has version {bothReport.Version}, below the draft's {draftVersion}");
        var trail = (await app.Reports.GetAuditTrailAsync(
            new GetAuditTrailRequest { TaskId = both.ToString() },
            admin)).Entries;
        var audited = Assert.Single(trail, e => e.Action == "unit-merged");
        Assert.Contains("新单位草稿2", audited.Before, StringComparison.Ordinal);

        // The merged unit leads nothing: its reporter's old token writes nothing, and the new one writes the next
        // month.
        var refused = await Assert.ThrowsAsync<RpcException>(() => app.Reports.SaveReportAsync(
            new SaveReportRequest { TaskId = alone.ToString(), Period = "2023-08", Progress = "x" },
            oldReporter).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await app.Reports.SaveReportAsync(
            new SaveReportRequest
            {
                TaskId = alone.ToString(),
                Period = "2023-08",
                Progress = "接续报送",
                SelfStatus = SelfStatus.OnTrack,
            },
            newReporter);

        // Its contribution is the other unit's, its request still waits for the office, and the reports of the month
        // name only the unit that took over.
        var contributions = await Supervision.ListContributionsAsync(
            new ListContributionsRequest { TaskId = shared.ToString(), Period = July },
            admin);
        Assert.Equal(
            (into.ToString(), "区经济信息委"),
            (contributions.Contributions.Single().UnitId, contributions.Contributions.Single().UnitName));
        var requests = await Supervision.ListTaskRequestsAsync(new ListTaskRequestsRequest(), admin);
        Assert.Equal(TaskRequestStatus.Pending, requests.Requests.Single(r => r.TaskId == alone.ToString()).Status);
        var listed = await app.Reports.ListReportsAsync(new ListReportsRequest { Period = July }, admin);
        Assert.DoesNotContain(listed.Reports, r => r.LeadUnitId == merged.ToString());
        Assert.Equal(
            2,
            listed.Reports.Count(r => r.LeadUnitId == into.ToString() && r.Status == ReportStatus.Submitted));

        // Nothing either unit handed in is owed, under either id.
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

        // The merge delivered again, and version 3 of the list still naming the merged unit (sent before the merge,
        // arriving after it), change nothing: the unit that took over leads, with its reports carried to the new tasks.
        await app.Services.GetRequiredService<IBus>().Publish(merge);
        var (alone3, both3, shared3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(version: 3, alone3, both3, shared3);
        var carried = await app.Reports.GetReportAsync(
            new GetReportRequest { TaskId = alone3.ToString(), Period = July },
            newReporter);
        Assert.Equal((into.ToString(), "旧单位报送"), (carried.LeadUnitId, carried.Progress));
        var july = await app.Reports.ListReportsAsync(new ListReportsRequest { Period = July }, admin);
        Assert.DoesNotContain(july.Reports, r => r.LeadUnitId == merged.ToString());
        Assert.Equal(
            [into.ToString()],
            july.Reports.Where(r => r.TaskId == both3.ToString()).Select(r => r.LeadUnitId));
    }

    private async Task SubmitAsync(Guid task, Metadata reporter, string progress)
    {
        await app.Reports.SaveReportAsync(
            new SaveReportRequest
            {
                TaskId = task.ToString(),
                Period = July,
                Progress = progress,
                SelfStatus = SelfStatus.OnTrack,
            },
            reporter);
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
        MergedIntoId = into, MergedIntoName = "区经济信息委", Version = version, OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task PublishAsync(int version, Guid alone, Guid both, Guid shared)
    {
        await app.Services.GetRequiredService<IBus>().Publish(new TaskListPublished
        {
            TenantId = District,
            TaskListId = Guid.NewGuid(),
            Year = 2023,
            Version = version,
            IssuedOn = new DateOnly(2023, 6, 1),
            Tasks =
            [
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
                    TaskId = shared, Number = "3", Text = "招商引资。", LeadUnits = [new AssignedUnit(into, "区经济信息委")],
                    ResponsibleUnits = [new AssignedUnit(merged, "区商务委")],
                },
            ],
        });
        var admin = Token(["district-admin"], null);
        await EventuallyAsync(async () =>
        {
            try
            {
                await app.Reports.GetReportAsync(
                    new GetReportRequest { TaskId = alone.ToString(), Period = July },
                    admin);
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

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}
