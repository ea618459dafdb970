using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications.V1;
using Platform.Messaging;

namespace Platform.Notifications.Tests;

/// <summary>
/// The office's review of a year-end completion report reaches the lead unit's reporters: a return with its comment,
/// an acceptance with its outcome; each once whatever is redelivered or replayed, nothing for a return that an
/// acceptance already overtook, and nothing across districts.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class CompletionNoticeTests(NotificationsApp app)
{
    private static int lastDistrict;
    private readonly string district = $"5011{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly string other = $"5012{lastDistrict:D2}";
    private readonly Guid market = Guid.NewGuid();
    private readonly Guid finance = Guid.NewGuid();
    private readonly Guid task = Guid.NewGuid();

    private Contracts.Notifications.V1.Inbox.InboxClient Inbox => new(app.Channel);

    [Fact]
    public async Task AReturnAndThenTheAcceptanceEachReachTheReportersOnceWhateverIsRedelivered()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        await app.Bus.Publish(List());
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TaskId == task));

        var returned = CompletionEvents.Returned(district, task, market, 2, "请补充全年办件量的统计口径");
        var id = Guid.NewGuid();
        var replay = Guid.NewGuid();
        await app.Bus.Publish(returned, c => c.MessageId = id);
        await app.Bus.Publish(returned, c => c.MessageId = id);
        await app.Bus.Publish(returned, c => c.MessageId = replay);
        await AppliedAsync(id, replay);

        var notice = Assert.Single(await Kind(scj, NotificationKind.CompletionReturned));
        Assert.Equal("年度完成情况被退回：任务7 2023年", notice.Title);
        Assert.Contains("请补充全年办件量的统计口径", notice.Body);
        Assert.Equal(task.ToString(), notice.TaskId);
        Assert.Empty(await Kind(czj, NotificationKind.CompletionReturned));

        // Resubmitted (3), returned again (4): a second return is a second notice; then accepted (6).
        var again = Guid.NewGuid();
        await app.Bus.Publish(CompletionEvents.Returned(district, task, market, 4, "佐证材料缺少验收报告"), c =>
            c.MessageId = again);
        var accepted = CompletionEvents.Accepted(district, task, market, 6, "基本完成");
        var acceptedId = Guid.NewGuid();
        await app.Bus.Publish(accepted, c => c.MessageId = acceptedId);
        await app.Bus.Publish(accepted, c => c.MessageId = Guid.NewGuid());
        await AppliedAsync(again, acceptedId);
        await app.EventuallyAsync(async db => await db.Set<InboxMessage>().CountAsync(m => m.TenantId == district
            && m.Consumer.EndsWith("CompletionAcceptedConsumer")) == 2);

        var outcome = Assert.Single(await Kind(scj, NotificationKind.CompletionAccepted));
        Assert.Equal("年度完成情况已审核通过：任务7 2023年", outcome.Title);
        Assert.Contains("认定为：基本完成", outcome.Body);
        var returns = await Kind(scj, NotificationKind.CompletionReturned);
        Assert.Equal(2, returns.Count);
        Assert.Contains(returns, n => n.Body.Contains("佐证材料缺少验收报告", StringComparison.Ordinal));
        Assert.Empty(await Kind(czj, NotificationKind.CompletionAccepted));
    }

    [Fact]
    public async Task AReturnArrivingAfterTheAcceptanceThatOvertookItTellsNobody()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var acceptedId = Guid.NewGuid();
        await app.Bus.Publish(CompletionEvents.Accepted(district, task, market, 5, "完成"), c =>
            c.MessageId = acceptedId);
        await AppliedAsync(acceptedId);

        // Returned at version 3, then resubmitted and accepted: the return comes last, from a backlog.
        var late = Guid.NewGuid();
        await app.Bus.Publish(CompletionEvents.Returned(district, task, market, 3), c => c.MessageId = late);
        await AppliedAsync(late);

        Assert.Contains("认定为：完成", Assert.Single(await Kind(scj, NotificationKind.CompletionAccepted)).Body);
        Assert.Empty(await Kind(scj, NotificationKind.CompletionReturned));
        await app.EventuallyAsync(async db => await db.CompletionStates.AnyAsync(c => c.TaskId == task
            && c.Version == 5
            && c.State == Domain.ItemState.Accepted));
    }

    [Fact]
    public async Task AnotherDistrictsEventNamingThisDistrictsUnitReachesNoneOfItsPeople()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var theirs = await app.PersonAsync(other, "unit-reporter", market);

        // A publisher of the other district names this district's unit id: its people only are addressed.
        var id = Guid.NewGuid();
        await app.Bus.Publish(CompletionEvents.Returned(other, task, market, 2, "另一区的意见"), c =>
            c.MessageId = id);
        await AppliedAsync(id);

        Assert.Empty(await Kind(scj, NotificationKind.CompletionReturned));
        Assert.Contains("另一区的意见", Assert.Single(await Kind(theirs, NotificationKind.CompletionReturned)).Body);
        await app.EventuallyAsync(async db => await db.Notifications.Where(n => n.TaskId == task)
            .AllAsync(n => n.TenantId == other));
    }

    /// <summary>Waits until each message has been applied (its inbox row is committed with its effect).</summary>
    private Task AppliedAsync(params Guid[] ids) =>
        app.EventuallyAsync(async db =>
            await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)) == ids.Length);

    private async Task<List<Notification>> Kind(Person person, NotificationKind kind) =>
        (await Inbox.ListNotificationsAsync(new ListNotificationsRequest(), person.Token)).Notifications
            .Where(n => n.Kind == kind)
            .ToList();

    private TaskListPublished List() => new()
    {
        TenantId = district,
        TaskListId = Guid.NewGuid(),
        Year = 2023,
        Version = 1,
        IssuedOn = new DateOnly(2023, 7, 1),
        Tasks =
        [
            new PublishedTask
            {
                TaskId = task,
                Number = "7",
                Text = "企业开办全程网办。",
                LeadUnits = [new AssignedUnit(market, "区市场监管局")],
            },
        ],
    };
}
