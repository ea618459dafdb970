using Microsoft.AspNetCore.Mvc;
using NotificationsV1 = Platform.Contracts.Notifications.V1;

namespace Platform.Portal.Pages.Inbox;

/// <summary>The person's notifications, newest first, paged by the last one seen; mark one or all read.</summary>
public sealed class IndexModel : PortalPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    [BindProperty(SupportsGet = true)] public long Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public IReadOnlyList<NotificationsV1.Notification> Items { get; private set; } = [];
    public int UnreadCount { get; private set; }
    public long? Older { get; private set; }

    public async Task OnGetAsync()
    {
        var response = await Api.Inbox.ListNotificationsAsync(new NotificationsV1.ListNotificationsRequest
        {
            UnreadOnly = Unread, BeforeId = Math.Max(0, Before), PageSize = PageSize,
        }, await AsMe());
        UnreadCount = response.Unread;
        Items = response.Notifications.Where(n => string.IsNullOrEmpty(Kind) || n.Kind.ToString() == Kind).ToList();
        Older = response.Notifications.Count == PageSize ? response.Notifications[^1].Id : null;
    }

    public async Task<IActionResult> OnPostReadAsync(long[]? ids)
    {
        var request = new NotificationsV1.MarkReadRequest();
        request.Ids.AddRange(ids ?? []);
        var left = await Api.Inbox.MarkReadAsync(request, await AsMe());
        return Done(request.Ids.Count == 0 ? "全部已读。" : $"已标为已读，还有 {left.Unread} 条未读。");
    }
}
