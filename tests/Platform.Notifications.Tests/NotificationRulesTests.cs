using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications.V1;

namespace Platform.Notifications.Tests;

/// <summary>
/// Events and the calendar become one notification per person and cause: assignments to each lead unit's reporters,
/// reminders with only their own open items, 催办, the 督办单 to the office and leaders, review outcomes; read
/// only by their recipient.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationRulesTests(NotificationsApp app)
{
    private static int lastDistrict;
    private readonly string district = $"5003{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid market = Guid.NewGuid();
    private readonly Guid finance = Guid.NewGuid();
    private readonly Guid[] tasks = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private Contracts.Notifications.V1.Inbox.InboxClient Inbox => new(app.Channel);

    [Fact]
    public async Task EachLeadUnitsReporterGetsOneAssignmentListingItsOwnTasksWhateverIsRedelivered()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        var contributor = await app.PersonAsync(district, "unit-contributor", market);

        var published = List();
        await app.Bus.Publish(published);
        await app.Bus.Publish(published, c => c.MessageId = Guid.NewGuid());
        await app.EventuallyAsync(async db => await db.Notifications.CountAsync(n => n.RecipientId == czj.Id) == 1);

        var mine = await Single(scj, NotificationKind.Assignment);
        Assert.Equal("交办：2 项任务", mine.Title);
        Assert.Contains("任务1：", mine.Body);
        Assert.DoesNotContain("任务3：", mine.Body);
        await Single(czj, NotificationKind.Assignment);
        Assert.Empty(
            (await Inbox.ListNotificationsAsync(new ListNotificationsRequest(), contributor.Token)).Notifications);

        // A reporter whose account arrives after the list gets the same assignment, once.
        var late = await app.PersonAsync(district, "unit-reporter", market);
        await app.EventuallyAsync(async db => await db.Notifications.AnyAsync(n => n.RecipientId == late.Id));
        Assert.Equal(mine.Title, (await Single(late, NotificationKind.Assignment)).Title);
    }

    [Fact]
    public async Task TheLadderRemindsThenUrgesThenEscalatesOncePerPersonAndMonth()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        var leader = await app.PersonAsync(district, "district-leader");
        var office = await app.PersonAsync(district, "district-admin");
        var marketLeader = await app.PersonAsync(district, "unit-leader", market);
        var financeLeader = await app.PersonAsync(district, "unit-leader", finance);
        await app.Bus.Publish(List(issued: new DateOnly(2023, 9, 1)));
        await app.EventuallyAsync(async db => await db.OwedReports.CountAsync(o => o.TenantId == district) == 3 * 4);

        // September's reports are due on the 30th: five days before, each reporter gets its own unit's open items.
        await AtAsync(2023, 9, 26);
        var reminder = await Single(scj, NotificationKind.Reminder);
        Assert.Contains("任务1：", reminder.Body);
        Assert.Contains("任务2：", reminder.Body);
        Assert.DoesNotContain("任务3：", reminder.Body);
        Assert.Contains("任务3：", (await Single(czj, NotificationKind.Reminder)).Body);
        Assert.Equal(0, await app.RunLadderAsync());

        // 区财政局 reports; 区市场监管局 does not: after the due date and the grace only it is urged.
        await app.Bus.Publish(ReportEvents.Submitted(district, tasks[2], "2023-09", finance));
        await app.EventuallyAsync(async db => await db.OwedReports.AnyAsync(o => o.TaskId == tasks[2]
            && o.Period == "2023-09"
            && o.State == Domain.ItemState.Submitted));
        await AtAsync(2023, 10, 6);
        Assert.Contains("催办", (await Single(scj, NotificationKind.Overdue)).Title);
        Assert.Empty(await Kind(czj, NotificationKind.Overdue));
        Assert.Empty(await Kind(leader, NotificationKind.Escalation));

        // Three days later the 督办单 goes to the unit's leader and the district's leader and office, not
        // to the reporters.
        await AtAsync(2023, 10, 9);
        var notice = await Single(leader, NotificationKind.Escalation);
        Assert.StartsWith("督办单：区市场监管局 2023-09", notice.Title);
        await Single(office, NotificationKind.Escalation);
        Assert.Equal(notice.Title, (await Single(marketLeader, NotificationKind.Escalation)).Title);
        Assert.Empty(await Kind(financeLeader, NotificationKind.Escalation));
        Assert.Empty(await Kind(marketLeader, NotificationKind.Overdue));
        Assert.Empty(await Kind(scj, NotificationKind.Escalation));
        Assert.Equal(0, await app.RunLadderAsync());
        Assert.Single(await Kind(scj, NotificationKind.Overdue));
    }

    [Fact]
    public async Task AReturnedReportNotifiesItsUnitsReportersAndNobodyReadsAnothersInbox()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        await app.Bus.Publish(List());
        await app.EventuallyAsync(async db => await db.Notifications.AnyAsync(n => n.RecipientId == czj.Id));

        // Watch from the newest notification the client has seen (its assignment), so nothing slips between
        // list and watch.
        await app.EventuallyAsync(async db => await db.Notifications.AnyAsync(n => n.RecipientId == scj.Id));
        var seen = (await Inbox.ListNotificationsAsync(new ListNotificationsRequest(), scj.Token)).Notifications
            .Max(n => n.Id);
        using var watch = Inbox.WatchInbox(new WatchInboxRequest { AfterId = seen }, scj.Token);
        var next = watch.ResponseStream.MoveNext(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        await app.Bus.Publish(
            ReportEvents.Returned(district, tasks[0], "2023-07", market, "请补充办理时限数据"));
        Assert.True(await next);
        Assert.Equal(NotificationKind.ReportReturned, watch.ResponseStream.Current.Kind);
        Assert.Contains("请补充办理时限数据", watch.ResponseStream.Current.Body);
        Assert.Empty(await Kind(czj, NotificationKind.ReportReturned));

        // 区财政局's reporter cannot mark 区市场监管局's reporter's notifications read.
        var id = watch.ResponseStream.Current.Id;
        var before = (await Inbox.GetUnreadCountAsync(new GetUnreadCountRequest(), scj.Token)).Unread;
        await Inbox.MarkReadAsync(new MarkReadRequest { Ids = { id } }, czj.Token);
        Assert.Equal(before, (await Inbox.GetUnreadCountAsync(new GetUnreadCountRequest(), scj.Token)).Unread);
        Assert.Equal(before - 1, (await Inbox.MarkReadAsync(new MarkReadRequest { Ids = { id } }, scj.Token)).Unread);

        // Someone with no notifications sees an empty inbox, not another's.
        Assert.Empty((await Inbox.ListNotificationsAsync(new ListNotificationsRequest(),
            new Metadata
            {
                { "Authorization", "Bearer " + app.Tokens.Issue(district, ["district-leader"], ["reports.read"]) },
            })).Notifications);
    }

    [Fact]
    public async Task OnlyTheOfficeChangesTheRulesWithinTheirLimits()
    {
        var office = await app.PersonAsync(district, "district-admin");
        var reporter = await app.PersonAsync(district, "unit-reporter", market);
        var settings = await Inbox.GetNotificationSettingsAsync(new GetNotificationSettingsRequest(), reporter.Token);
        Assert.Equal((5, 5, 3), (settings.ReminderDaysBefore, settings.OverdueAfterDays, settings.EscalateAfterDays));

        settings.ReminderDaysBefore = 3;
        Assert.Equal(3, (await Inbox.UpdateNotificationSettingsAsync(settings, office.Token)).ReminderDaysBefore);
        var denied = await Assert.ThrowsAsync<RpcException>(() => Inbox.UpdateNotificationSettingsAsync(
            settings,
            reporter.Token).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        settings.EscalateAfterDays = 31;
        var invalid = await Assert.ThrowsAsync<RpcException>(() => Inbox.UpdateNotificationSettingsAsync(
            settings,
            office.Token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }

    private TaskListPublished List(DateOnly? issued = null) => new()
    {
        TenantId = district,
        TaskListId = Guid.NewGuid(),
        Year = 2023,
        Version = 1,
        DocNumber = "测试府办〔2023〕1号",
        IssuedOn = issued ?? new DateOnly(2023, 7, 1),
        Tasks =
        [
            new PublishedTask
            {
                TaskId = tasks[0],
                Number = "1",
                Text = "企业开办全程网办。",
                LeadUnits = [new AssignedUnit(market, "区市场监管局")],
            },
            new PublishedTask
            {
                TaskId = tasks[1],
                Number = "2",
                Text = "推行经营范围规范化登记。",
                LeadUnits = [new AssignedUnit(market, "区市场监管局")],
            },
            new PublishedTask
            {
                TaskId = tasks[2],
                Number = "3",
                Text = "推行非现场纳税缴费。",
                LeadUnits = [new AssignedUnit(finance, "区财政局")],
            },
        ],
    };

    /// <summary>
    /// Moves the clock forward to a day (9:00 China time) and runs the ladder; the clock never goes back.
    /// </summary>
    private async Task AtAsync(int year, int month, int day)
    {
        var at = new DateTimeOffset(year, month, day, 1, 0, 0, TimeSpan.Zero);
        if (app.Clock.GetUtcNow() < at)
        {
            app.Clock.SetUtcNow(at);
        }

        await app.RunLadderAsync();
    }

    private async Task<List<Notification>> Kind(Person person, NotificationKind kind) =>
        (await Inbox.ListNotificationsAsync(new ListNotificationsRequest(), person.Token)).Notifications
            .Where(n => n.Kind == kind)
            .ToList();

    private async Task<Notification> Single(Person person, NotificationKind kind) =>
        Assert.Single(await Kind(person, kind));
}
