using System.Globalization;
using System.Net;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Notifications.V1;
using Platform.Notifications.Channels;
using Platform.Testing;

namespace Platform.Notifications.Tests;

/// <summary>
/// Channels beyond the inbox, against real receivers: a webhook receiver that checks the signature, one that fails
/// until the delivery is dead and the office retries it, and an SMTP server that receives the e-mail.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeliveryTests(NotificationsApp app)
{
    private static int lastDistrict;
    private readonly string district = $"5004{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid unit = Guid.NewGuid();

    /// <summary>A public address the tests' resolver gives example names; nothing is ever sent there.</summary>
    private static readonly IPAddress PublicIp = IPAddress.Parse("93.184.215.14");

    private Webhooks.WebhooksClient Webhooks => new(app.Channel);

    private Contracts.Notifications.V1.Inbox.InboxClient Inbox => new(app.Channel);

    [Fact]
    public async Task SignedWebhooksAreDeliveredOnceAndAFailingReceiverEndsDeadUntilTheOfficeRetries()
    {
        await using var good = await app.ReceiverAsync();
        await using var bad = await app.ReceiverAsync();
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-reporter", unit);
        var signed = await Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = good.Url, Kinds = { "REPORT_RETURNED" } },
            office.Token);
        var failing = await Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Url = bad.Url }, office.Token);
        Assert.Equal(64, signed.Secret.Length);
        Assert.DoesNotContain(
            (await Webhooks.ListWebhooksAsync(new ListWebhooksRequest(), office.Token)).Webhooks,
            w => !w.Active);
        bad.FailNext = 100;

        var returned = ReportEvents.Returned(district, Guid.NewGuid(), "2023-07", unit, "请补充数据");
        await app.Bus.Publish(returned);
        await app.EventuallyAsync(async db => await db.Deliveries.CountAsync(d => d.TenantId == district
            && d.Channel == Domain.DeliveryChannel.Webhook) == 2);
        await app.DispatchAsync();

        var (headers, body) = Assert.Single(good.Calls);
        var timestamp = headers[WebhookSender.TimestampHeader].ToString();
        Assert.Equal(
            WebhookSender.Sign(signed.Secret, timestamp, body),
            headers[WebhookSender.SignatureHeader].ToString());
        Assert.NotEqual(
            WebhookSender.Sign(failing.Secret, timestamp, body),
            headers[WebhookSender.SignatureHeader].ToString());
        Assert.InRange(
            long.Parse(timestamp, CultureInfo.InvariantCulture),
            app.Clock.GetUtcNow().ToUnixTimeSeconds() - 5,
            app.Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.Contains("请补充数据", body);

        // Retried with backoff (10 s, then 20 s), then dead; the same event again adds nothing.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.DispatchAsync();
        Assert.Equal(1, bad.Failures);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.DispatchAsync();
        Assert.Equal(3, bad.Failures);
        await app.Bus.Publish(returned);
        var dead = Assert.Single((await Webhooks.ListDeliveriesAsync(
            new ListDeliveriesRequest { DeadOnly = true },
            office.Token)).Deliveries, d => d.Channel == "Webhook");
        Assert.Equal((3, "Webhook"), (dead.Attempts, dead.Channel));
        Assert.Equal("failed: HTTP 500", dead.LastError);
        Assert.DoesNotContain(WebhookReceiver.FailureText, dead.LastError, StringComparison.Ordinal);
        Assert.Single(good.Calls);

        bad.FailNext = 0;
        Assert.Equal(
            "Pending",
            (await Webhooks.RetryDeliveryAsync(new RetryDeliveryRequest { Id = dead.Id }, office.Token)).Status);
        await app.DispatchAsync();
        Assert.Single(bad.Calls);
        var again = await Assert.ThrowsAsync<RpcException>(() => Webhooks.RetryDeliveryAsync(
            new RetryDeliveryRequest { Id = dead.Id },
            office.Token).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        await app.EventuallyAsync(async db => await db.Deliveries.CountAsync(d => d.TenantId == district
            && d.Channel == Domain.DeliveryChannel.Webhook) == 2);
    }

    [Fact]
    public async Task OnlyTheOfficeManagesWebhooksAndOnlyOverHttpsOrToAnAllowListedTarget()
    {
        app.Resolver.Answer("hooks.example.test", PublicIp);
        var office = await app.PersonAsync(district, "district-admin");
        var reporter = await app.PersonAsync(district, "unit-reporter", unit);
        var stranger = await app.PersonAsync("500499", "district-admin");
        var created = await Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = "https://hooks.example.test/duban" },
            office.Token);

        async Task Refused(StatusCode code, Func<Task> call) =>
            Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        await Refused(StatusCode.PermissionDenied, () => Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = "https://x.test" },
            reporter.Token).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = "ftp://x.test" },
            office.Token).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = "https://user:pw@x.test" },
            office.Token).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = "https://x.test", Kinds = { "EVERYTHING" } },
            office.Token).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Webhooks.DeleteWebhookAsync(
            new DeleteWebhookRequest { Id = created.Webhook.Id },
            stranger.Token).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Webhooks.ListDeliveriesAsync(
            new ListDeliveriesRequest { WebhookId = created.Webhook.Id },
            stranger.Token).ResponseAsync);
        Assert.Empty((await Webhooks.ListWebhooksAsync(new ListWebhooksRequest(), stranger.Token)).Webhooks);
        await Webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { Id = created.Webhook.Id }, office.Token);
        Assert.Empty((await Webhooks.ListWebhooksAsync(new ListWebhooksRequest(), office.Token)).Webhooks);
    }

    [Fact]
    public async Task EveryNotificationAlsoGoesToTheConfiguredDaprBindingThroughTheSidecar()
    {
        var reporter = await app.PersonAsync(district, "unit-reporter", unit);
        var task = Guid.NewGuid();
        await app.Bus.Publish(ReportEvents.Returned(district, task, "2023-09", unit, "钉钉通道测试"));
        await app.EventuallyAsync(async db => await db.Deliveries.AnyAsync(d => d.TenantId == district
            && d.Channel == Domain.DeliveryChannel.Binding));
        await app.DispatchAsync();

        // The host's own delivery loop may hold the row and be sending it while the pass above finds nothing to do.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!app.Dapr.Requests.Any(r => r.Metadata["tenant"] == district) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var request = Assert.Single(
            app.Dapr.Requests,
            r => r.Metadata["tenant"] == district
                && r.Data.ToStringUtf8().Contains("钉钉通道测试", StringComparison.Ordinal));
        Assert.Equal(("dingtalk", "create"), (request.Name, request.Operation));
        Assert.StartsWith("月报被退回", request.Metadata["subject"]);
        Assert.EndsWith(reporter.Id.ToString(), request.Metadata["cause"]);

        // Delivered once: another pass sends nothing more.
        await app.DispatchAsync();
        Assert.Single(app.Dapr.Requests, r => r.Metadata["tenant"] == district);
    }

    [Fact]
    public async Task APersonWhoAsksForEmailReceivesItOverSmtp()
    {
        var reporter = await app.PersonAsync(district, "unit-reporter", unit);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => Inbox.UpdatePreferencesAsync(
            new Preferences { Email = "not an address", EmailEnabled = true },
            reporter.Token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var address = $"scj-{district}@example.test";
        await Inbox.UpdatePreferencesAsync(new Preferences { Email = address, EmailEnabled = true }, reporter.Token);

        await app.Bus.Publish(ReportEvents.Accepted(district, Guid.NewGuid(), "2023-08", unit));
        await app.EventuallyAsync(async db => await db.Deliveries.AnyAsync(d => d.TenantId == district
            && d.Target == address));
        await app.DispatchAsync();

        var mail = Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == address));
        Assert.StartsWith("【督办】月报已审核通过", mail.Subject);
        Assert.Contains("区营商办已审核通过本月报告", mail.TextBody);
        Assert.Contains("<h3>", mail.HtmlBody);
    }
}
