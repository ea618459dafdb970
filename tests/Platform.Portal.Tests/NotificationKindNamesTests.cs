using System.Reflection;
using Google.Protobuf.Reflection;
using Platform.Portal.Pages.Office;
using NotificationsV1 = Platform.Contracts.Notifications.V1;

namespace Platform.Portal.Tests;

/// <summary>
/// Every kind of notification the service sends has its Chinese name in the inbox and can be chosen for a webhook
/// subscription under that name: a kind added to the contract without them would show as "通知" and could not be
/// subscribed to alone.
/// </summary>
public sealed class NotificationKindNamesTests
{
    public static TheoryData<NotificationsV1.NotificationKind> Kinds()
    {
        var kinds = new TheoryData<NotificationsV1.NotificationKind>();
        foreach (var kind in Enum.GetValues<NotificationsV1.NotificationKind>()
            .Where(k => k != NotificationsV1.NotificationKind.Unspecified))
        {
            kinds.Add(kind);
        }

        return kinds;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKindHasItsChineseNameInTheInboxAndTheWebhookChoices(NotificationsV1.NotificationKind kind)
    {
        var name = Display.Kind(kind);
        Assert.NotEqual("通知", name);
        var constant = typeof(NotificationsV1.NotificationKind).GetField(kind.ToString())!
            .GetCustomAttribute<OriginalNameAttribute>()!.Name;
        var choice = Assert.Single(WebhooksModel.Kinds, k => k.Kind == constant);
        Assert.Equal(name, choice.Name);
    }

    [Fact]
    public void TheYearEndKindsReadAsTheOfficeSaysThem()
    {
        Assert.Equal("完成情况退回", Display.Kind(NotificationsV1.NotificationKind.CompletionReturned));
        Assert.Equal("完成情况通过", Display.Kind(NotificationsV1.NotificationKind.CompletionAccepted));
        Assert.Equal("考核结果", Display.Kind(NotificationsV1.NotificationKind.AssessmentPublished));
        Assert.Equal(
            "完成情况退回、考核结果",
            WebhooksModel.KindNames(["NOTIFICATION_KIND_COMPLETION_RETURNED", "NOTIFICATION_KIND_ASSESSMENT_PUBLISHED"]));
    }
}
