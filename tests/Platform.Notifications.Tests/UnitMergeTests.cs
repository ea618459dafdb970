using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications.V1;
using Platform.MultiTenancy;
using Platform.Notifications.Rules;
using ItemState = Platform.Notifications.Domain.ItemState;

namespace Platform.Notifications.Tests;

/// <summary>
/// Two units merge: what the merged unit owed is owed by the unit that took it over, with the state it had — so the
/// ladder chases the new unit's reporter for what is really open and never for a report the merged unit handed in.
/// Where both units led a task, the month keeps the state further along and the higher version, so the next report
/// event is applied. A list naming the merged unit that arrives after the merge, and the merge again, change nothing.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class UnitMergeTests(NotificationsApp app)
{
    private const string District = "500701";
    private const string September = "2023-09";
    private readonly Guid merged = Guid.NewGuid();
    private readonly Guid into = Guid.NewGuid();

    [Fact]
    public async Task WhatTheMergedUnitOwedIsOwedByTheUnitThatTookItOverAndNothingHandedInIsChased()
    {
        var reporter = await app.PersonAsync(District, "unit-reporter", into);
        var (submitted, both, open) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await app.Bus.Publish(List(version: 1, submitted, both, open));
        await app.Bus.Publish(ReportEvents.Submitted(District, submitted, September, merged, version: 2));
        await app.Bus.Publish(ReportEvents.Accepted(District, both, September, merged, version: 3));
        await app.EventuallyAsync(async db => await db.OwedReports.CountAsync(o => o.TenantId == District &&
            o.Period == September &&
            ((o.TaskId == submitted && o.State == ItemState.Submitted)
                || (o.TaskId == both && o.LeadUnitId == merged && o.State == ItemState.Accepted))) == 2);

        var merge = new UnitChanged
        {
            TenantId = District,
            UnitId = merged,
            Change = UnitChangeKind.Merged,
            Name = "区商务委",
            MergedIntoId = into,
            MergedIntoName = "区经济信息委",
            RetiredAt = DateTimeOffset.UtcNow, Version = 2, OccurredAt = DateTimeOffset.UtcNow,
        };
        await app.Bus.Publish(merge);
        await app.EventuallyAsync(async db => !await db.OwedReports.AnyAsync(o => o.TenantId == District
            && o.LeadUnitId == merged));
        await AssertSeptemberAsync(
            ("1", ItemState.Submitted, 2),
            ("2", ItemState.Accepted, 3),
            ("3", ItemState.Open, 0));

        // The merge again, and version 2 of the list still naming the merged unit (sent before the merge), change
        // nothing: the unit that took over owes exactly the same.
        await app.Bus.Publish(merge, c => c.MessageId = Guid.NewGuid());
        var both2 = Guid.NewGuid();
        await app.Bus.Publish(List(version: 2, Guid.NewGuid(), both2, Guid.NewGuid()));
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TenantId == District
            && o.ListVersion == 2
            && o.Active));
        await AssertSeptemberAsync(
            ("1", ItemState.Submitted, 2),
            ("2", ItemState.Accepted, 3),
            ("3", ItemState.Open, 0));

        // Past the 督办 date of September the new unit's reporter is chased for the one report really open.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
            var ladder = ActivatorUtilities.CreateInstance<SupervisionLadder>(scope.ServiceProvider,
                (TimeProvider)new FakeTimeProvider(new DateTimeOffset(2023, 10, 20, 1, 0, 0, TimeSpan.Zero)));
            await ladder.RunAsync(CancellationToken.None);
        }

        var inbox = await new Inbox.InboxClient(app.Channel).ListNotificationsAsync(
            new ListNotificationsRequest(),
            reporter.Token);
        var chased = inbox.Notifications
            .Where(n => n.Kind is NotificationKind.Overdue or NotificationKind.Escalation && n.Period == September)
            .ToList();
        Assert.NotEmpty(chased);
        Assert.All(chased, n => Assert.Contains("外贸稳增长", n.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(chased, n => n.Body.Contains(
            "数字经济",
            StringComparison.Ordinal) || n.Body.Contains("招商引资", StringComparison.Ordinal));

        // A later event of the report that stands for the task both led is applied: its version is above the merge's.
        await app.Bus.Publish(ReportEvents.Returned(District, both2, September, into, "补充", version: 4));
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TaskId == both2
            && o.Period == September
            && o.State == ItemState.Open
            && o.ReportVersion == 4));
    }

    [Fact]
    public async Task WhatARenamedUnitOwesNamesItAnewAndALateEventBringsBackNoOldName()
    {
        var unit = Guid.NewGuid();
        var task = Guid.NewGuid();
        await app.Bus.Publish(new TaskListPublished
        {
            TenantId = District,
            TaskListId = Guid.NewGuid(),
            Year = 2024,
            Version = 1,
            IssuedOn = new DateOnly(2024, 1, 10),
            Tasks = [new PublishedTask
            {
                TaskId = task,
                Number = "1",
                Text = "改名测试。",
                LeadUnits = [new AssignedUnit(unit, "区经信委")],
            }],
        });
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TaskId == task));

        await app.Bus.Publish(Renamed(unit, "区经济信息委", 3));
        await app.EventuallyAsync(async db =>
            await db.OwedReports.Where(o => o.TaskId == task).AllAsync(o => o.LeadUnitName == "区经济信息委"));
        var late = Guid.NewGuid();
        await app.Bus.Publish(Renamed(unit, "区经信委", 2), c => c.MessageId = late);
        await app.EventuallyAsync(async db => await db.Set<Platform.Messaging.InboxMessage>()
            .AnyAsync(m => m.MessageId == late && m.Consumer.EndsWith("UnitNamesConsumer")));
        await app.EventuallyAsync(async db =>
            await db.OwedReports.Where(o => o.TaskId == task).AllAsync(o => o.LeadUnitName == "区经济信息委"));
    }

    private static UnitChanged Renamed(Guid unit, string name, int version) => new()
    {
        TenantId = District,
        UnitId = unit,
        Change = UnitChangeKind.Renamed,
        Name = name,
        Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task AssertSeptemberAsync(params (string Number, ItemState State, int Version)[] expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var db = scope.ServiceProvider.GetRequiredService<Platform.Notifications.Data.NotificationsDbContext>();
        var rows = await db.OwedReports
            .Where(o => o.TenantId == District && o.Period == September && o.Active)
            .OrderBy(o => o.TaskOrder)
            .ToListAsync();
        Assert.Equal(expected.Select(e => (e.Number, into, "区经济信息委", e.State, e.Version)),
            rows.Select(o => (o.TaskNumber, o.LeadUnitId, o.LeadUnitName, o.State, o.ReportVersion)));
    }

    private TaskListPublished List(int version, Guid submitted, Guid both, Guid open) => new()
    {
        TenantId = District,
        TaskListId = Guid.NewGuid(),
        Year = 2023,
        Version = version,
        IssuedOn = new DateOnly(2023, 9, 1),
        Tasks =
        [
            new PublishedTask
            {
                TaskId = submitted,
                Number = "1",
                Text = "招商引资。",
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
                TaskId = open,
                Number = "3",
                Text = "外贸稳增长。",
                LeadUnits = [new AssignedUnit(merged, "区商务委")],
            },
        ],
    };
}
