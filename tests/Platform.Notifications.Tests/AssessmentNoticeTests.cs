using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications.V1;
using Platform.Messaging;

namespace Platform.Notifications.Tests;

/// <summary>
/// An assessment reaches each listed unit with its own score and rank only, the office and leaders with the ranking,
/// the subscribed webhooks and e-mail; each result once, and a result older than one already announced not at all.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class AssessmentNoticeTests(NotificationsApp app)
{
    private static int lastDistrict;
    private readonly string district = $"5013{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid market = Guid.NewGuid();
    private readonly Guid finance = Guid.NewGuid();

    private Contracts.Notifications.V1.Inbox.InboxClient Inbox => new(app.Channel);

    [Fact]
    public async Task EachUnitHearsItsOwnScoreTheOfficeTheRankingAndEachResultOnce()
    {
        await using var receiver = await app.ReceiverAsync();
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var scjLeader = await app.PersonAsync(district, "unit-leader", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        var contributor = await app.PersonAsync(district, "unit-contributor", market);
        var office = await app.PersonAsync(district, "district-admin");
        var leader = await app.PersonAsync(district, "district-leader");
        await new Webhooks.WebhooksClient(app.Channel).CreateWebhookAsync(
            new CreateWebhookRequest { Url = receiver.Url, Kinds = { "ASSESSMENT_PUBLISHED" } },
            office.Token);
        await Inbox.UpdatePreferencesAsync(
            new Preferences { Email = "scj@example.test", EmailEnabled = true },
            scj.Token);

        var provisional = Published(ruleVersion: 1, final: false);
        var id = Guid.NewGuid();
        await app.Bus.Publish(provisional, c => c.MessageId = id);
        await app.Bus.Publish(provisional, c => c.MessageId = id);
        var replay = Guid.NewGuid();
        await app.Bus.Publish(provisional, c => c.MessageId = replay);
        await AppliedAsync(id, replay);

        var mine = Assert.Single(await Kind(scj, NotificationKind.AssessmentPublished));
        Assert.Equal("考核结果（预排）：2023年度 92.5 分，排名第 1", mine.Title);
        Assert.Contains("区市场监管局2023年度考核得分 92.5 分", mine.Body);
        Assert.Contains("预排结果", mine.Body);
        Assert.DoesNotContain("区财政局", mine.Body);
        Assert.Equal(mine.Title, Assert.Single(await Kind(scjLeader, NotificationKind.AssessmentPublished)).Title);
        var theirs = Assert.Single(await Kind(czj, NotificationKind.AssessmentPublished));
        Assert.Equal("考核结果（预排）：2023年度 78 分，排名第 2", theirs.Title);
        Assert.DoesNotContain("区市场监管局", theirs.Body);
        Assert.Empty(await Kind(contributor, NotificationKind.AssessmentPublished));
        foreach (var person in new[] { office, leader })
        {
            var summary = Assert.Single(await Kind(person, NotificationKind.AssessmentPublished));
            Assert.Equal("考核结果（预排）：2023年度 2 个牵头单位排名", summary.Title);
            Assert.Contains("第 1 名 区市场监管局 92.5 分\n第 2 名 区财政局 78 分", summary.Body);
        }

        // One webhook delivery per notification of the subscribed kind, and the reporter's e-mail.
        await app.EventuallyAsync(async db =>
        {
            var deliveries = await db.Deliveries.Where(d => d.TenantId == district).ToListAsync();
            return deliveries.Count(d => d.Channel == Domain.DeliveryChannel.Webhook) == 5
                && deliveries.Count(d => d.Channel == Domain.DeliveryChannel.Email) == 1;
        });

        // Closing the year freezes the same rule version: a final result is news; the provisional one replayed after
        // it, and an older rule version, are not.
        var final = Guid.NewGuid();
        await app.Bus.Publish(Published(ruleVersion: 1, final: true), c => c.MessageId = final);
        await AppliedAsync(final);
        var late = Guid.NewGuid();
        var older = Guid.NewGuid();
        await app.Bus.Publish(provisional, c => c.MessageId = late);
        await app.Bus.Publish(Published(ruleVersion: 0, final: false), c => c.MessageId = older);
        await AppliedAsync(late, older);

        var both = await Kind(scj, NotificationKind.AssessmentPublished);
        Assert.Equal(2, both.Count);
        Assert.Equal("考核结果（正式）：2023年度 92.5 分，排名第 1", both[0].Title);
        Assert.Contains("最终结果", both[0].Body);
        Assert.Equal(2, (await Kind(office, NotificationKind.AssessmentPublished)).Count);
    }

    [Fact]
    public async Task AnotherDistrictsAssessmentReachesNoneOfThisDistrictsPeople()
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var office = await app.PersonAsync(district, "district-admin");
        var id = Guid.NewGuid();
        await app.Bus.Publish(Published(1, false) with { TenantId = "500199" }, c => c.MessageId = id);
        await AppliedAsync(id);

        Assert.Empty(await Kind(scj, NotificationKind.AssessmentPublished));
        Assert.Empty(await Kind(office, NotificationKind.AssessmentPublished));
    }

    private AssessmentPublished Published(int ruleVersion, bool final) => new()
    {
        TenantId = district,
        Year = 2023,
        RuleVersion = ruleVersion,
        Final = final,
        Scores =
        [
            new UnitScore { UnitId = finance, UnitName = "区财政局", Score = 78.00m, Rank = 2, ReasonCount = 4 },
            new UnitScore { UnitId = market, UnitName = "区市场监管局", Score = 92.50m, Rank = 1, ReasonCount = 2 },
        ],
    };

    private Task AppliedAsync(params Guid[] ids) =>
        app.EventuallyAsync(async db =>
            await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)) == ids.Length);

    private async Task<List<Notification>> Kind(Person person, NotificationKind kind) =>
        (await Inbox.ListNotificationsAsync(new ListNotificationsRequest(), person.Token)).Notifications
            .Where(n => n.Kind == kind)
            .ToList();
}
