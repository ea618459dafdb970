using Microsoft.AspNetCore.Mvc;
using NotificationsV1 = Platform.Contracts.Notifications.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>
/// The district's webhook subscriptions (signed deliveries to other systems), their deliveries and retries.
/// </summary>
public sealed class WebhooksModel : PortalPage
{
    /// <summary>The kinds a subscription carries in the office's words; all of them when it names none.</summary>
    public static string KindNames(IReadOnlyCollection<string> kinds) =>
        kinds.Count == 0
            ? "全部"
            : string.Join("、", kinds.Select(k => Kinds.FirstOrDefault(x => x.Kind == k).Name ?? k));

    public static readonly (string Kind, string Name)[] Kinds =
    [
        ("NOTIFICATION_KIND_ASSIGNMENT", "交办"),
        ("NOTIFICATION_KIND_REMINDER", "提醒"),
        ("NOTIFICATION_KIND_OVERDUE", "催办"),
        ("NOTIFICATION_KIND_ESCALATION", "督办单"),
        ("NOTIFICATION_KIND_REPORT_RETURNED", "月报退回"),
        ("NOTIFICATION_KIND_REPORT_ACCEPTED", "月报通过"),
        ("NOTIFICATION_KIND_EXTENSION_DECIDED", "延期批复"),
        ("NOTIFICATION_KIND_CLOSURE_DECIDED", "办结批复"),
        ("NOTIFICATION_KIND_COMPLETION_RETURNED", "完成情况退回"),
        ("NOTIFICATION_KIND_COMPLETION_ACCEPTED", "完成情况通过"),
        ("NOTIFICATION_KIND_ASSESSMENT_PUBLISHED", "考核结果"),
    ];

    [BindProperty(SupportsGet = true)] public bool Dead { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NotificationsV1.Webhook> Hooks { get; private set; } = [];
    public Paged<NotificationsV1.DeliveryRecord> Deliveries { get; private set; } = null!;
    public string? Secret { get; private set; }

    public async Task OnGetAsync()
    {
        var options = await AsMe();
        Hooks = (await Api.Webhooks.ListWebhooksAsync(new NotificationsV1.ListWebhooksRequest(), options)).Webhooks;
        var deliveries = (await Api.Webhooks.ListDeliveriesAsync(
            new NotificationsV1.ListDeliveriesRequest { DeadOnly = Dead }, options)).Deliveries;
        Deliveries = Listing.Page(deliveries.OrderByDescending(d => d.Id), PageNumber, Size);
        Secret = TempData["secret"] as string;
    }

    public async Task<IActionResult> OnPostCreateAsync(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http"))
        {
            TempData[ErrorKey] = "请填写完整的接收地址（https://…）。";
            return Redirect(Back(HttpContext));
        }

        var request = new NotificationsV1.CreateWebhookRequest { Url = uri.ToString() };
        request.Kinds.AddRange(Request.Form["kinds"].Where(k => Kinds.Any(x => x.Kind == k)).Select(k => k!));
        var created = await Api.Webhooks.CreateWebhookAsync(request, await AsMe());
        TempData["secret"] = created.Secret;
        return Done("已添加订阅。签名密钥只显示这一次，请立即复制保存。", "/office/webhooks");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        await Api.Webhooks.DeleteWebhookAsync(new NotificationsV1.DeleteWebhookRequest { Id = id }, await AsMe());
        return Done("已删除订阅。");
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        await Api.Webhooks.RetryDeliveryAsync(new NotificationsV1.RetryDeliveryRequest { Id = id }, await AsMe());
        return Done("已重新投递。");
    }
}
