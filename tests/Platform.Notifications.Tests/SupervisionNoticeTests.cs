using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Tests;

/// <summary>
/// Each 督办单 the ladder sends is announced as SupervisionNoticeIssued through the outbox, in the transaction of its
/// notifications, exactly once: whatever passes, replicas or restarts follow, and not at all when the pass dies
/// before its commit (the next pass then announces it once).
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class SupervisionNoticeTests(NotificationsApp app)
{
    private static int lastDistrict;
    private readonly string district = $"5014{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid market = Guid.NewGuid();
    private readonly Guid finance = Guid.NewGuid();
    private readonly Guid[] tasks = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public async Task EachNoticeIsAnnouncedOnceWhateverPassesReplicasAndRestartsFollow()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-leader", market);
        await app.Bus.Publish(List());
        await app.EventuallyAsync(async db => await db.OwedReports.CountAsync(o => o.TenantId == district) == 3 * 4);
        await app.Bus.Publish(ReportEvents.Submitted(district, tasks[2], "2023-09", finance, 2));
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TaskId == tasks[2]
            && o.Period == "2023-09"
            && o.State == ItemState.Submitted));

        // Before the 督办 date (due 30 September, 5 days' grace, 3 more days) nothing is announced.
        await LadderAsync(2023, 10, 6);
        Assert.Empty(await NoticesAsync());

        await LadderAsync(2023, 10, 20);
        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal(SupervisionNotice.IdOf(district, market, "2023-09"), notice.NoticeId);
        Assert.Equal((market, "区市场监管局", "2023-09"), (notice.UnitId, notice.UnitName, notice.Period));
        Assert.Equal(tasks[..2].Order(), notice.TaskIds.Order());
        await app.EventuallyAsync(async db => await db.Notifications.AnyAsync(n => n.RecipientId == office.Id
            && n.Kind == NotificationKind.Escalation
            && n.Period == "2023-09"));

        // Another pass, and a restarted process (a new ladder, the same day or later): nothing more.
        await LadderAsync(2023, 10, 20);
        await LadderAsync(2023, 10, 25);
        Assert.Single(await NoticesAsync());

        // The relay publishes the committed row to the broker.
        await app.EventuallyAsync(async db => await Rows(db).AllAsync(m => m.SentAt != null));

        // Two replicas pass at once past October's 督办 date: each unit's October notice is announced once.
        await Task.WhenAll(LadderAsync(2023, 11, 20), LadderAsync(2023, 11, 20));
        var all = await NoticesAsync();
        Assert.Equal(3, all.Count);
        (Guid, string)[] expected = [(finance, "2023-10"), (market, "2023-09"), (market, "2023-10")];
        Assert.Equal(expected.Order(), all.Select(n => (n.UnitId, n.Period)).Order());
        Assert.Equal(all.Count, all.Select(n => n.NoticeId).Distinct().Count());
    }

    [Fact]
    public async Task APassThatDiesBeforeItsCommitLeavesNothingAndTheNextPassAnnouncesOnce()
    {
        await app.PersonAsync(district, "district-admin");
        await app.Bus.Publish(List());
        await app.EventuallyAsync(async db => await db.OwedReports.CountAsync(o => o.TenantId == district) == 3 * 4);

        // The pass saves its notifications, notice and outbox row, then the process dies before the commit.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
            var db = scope.ServiceProvider.GetRequiredService<Data.NotificationsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await Ladder(scope, 2023, 10, 20).RunAsync(CancellationToken.None) > 0);
            Assert.NotEmpty(await db.SupervisionNotices.Where(n => n.TenantId == district).ToListAsync());
        }

        Assert.Empty(await NoticesAsync());
        await app.EventuallyAsync(async db => !await db.SupervisionNotices.AnyAsync(n => n.TenantId == district));

        await LadderAsync(2023, 10, 20);
        await LadderAsync(2023, 10, 21);
        var notices = await NoticesAsync();
        (Guid, string)[] expected = [(finance, "2023-09"), (market, "2023-09")];
        Assert.Equal(expected.Order(), notices.Select(n => (n.UnitId, n.Period)).Order());
    }

    /// <summary>The SupervisionNoticeIssued events of the district in the outbox, sent or not.</summary>
    private async Task<List<SupervisionNoticeIssued>> NoticesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var rows = await Rows(scope.ServiceProvider.GetRequiredService<Data.NotificationsDbContext>()).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<SupervisionNoticeIssued>(r.Body, JsonSerializerOptions.Web)!)
            .ToList();
    }

    private IQueryable<OutboxMessage> Rows(Data.NotificationsDbContext db) =>
        db.Set<OutboxMessage>().Where(m => m.TenantId == district
            && m.MessageType.StartsWith(typeof(SupervisionNoticeIssued).FullName + ","));

    /// <summary>One pass of a ladder of its own (a replica, or the process after a restart) on a given day.</summary>
    private async Task LadderAsync(int year, int month, int day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        await Ladder(scope, year, month, day).RunAsync(CancellationToken.None);
    }

    private static SupervisionLadder Ladder(AsyncServiceScope scope, int year, int month, int day) =>
        ActivatorUtilities.CreateInstance<SupervisionLadder>(
            scope.ServiceProvider,
            (TimeProvider)new FakeTimeProvider(new DateTimeOffset(year, month, day, 1, 0, 0, TimeSpan.Zero)));

    private TaskListPublished List() => new()
    {
        TenantId = district,
        TaskListId = Guid.NewGuid(),
        Year = 2023,
        Version = 1,
        IssuedOn = new DateOnly(2023, 9, 1),
        Tasks =
        [
            new PublishedTask
            {
                TaskId = tasks[0], Number = "1", Text = "企业开办全程网办。",
                LeadUnits = [new AssignedUnit(market, "区市场监管局")],
            },
            new PublishedTask
            {
                TaskId = tasks[1], Number = "2", Text = "推行经营范围规范化登记。",
                LeadUnits = [new AssignedUnit(market, "区市场监管局")],
            },
            new PublishedTask
            {
                TaskId = tasks[2], Number = "3", Text = "推行非现场纳税缴费。",
                LeadUnits = [new AssignedUnit(finance, "区财政局")],
            },
        ],
    };
}
