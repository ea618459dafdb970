using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Notifications.V1;
using Platform.MultiTenancy;
using Platform.Notifications.Channels;
using Platform.Notifications.Data;
using Platform.Testing;

namespace Platform.Notifications.Tests;

/// <summary>
/// Webhooks go to the public internet only (server-side request forgery): a private target is refused however it is
/// spelled, at registration and again at connect time against real sockets — a name that rebinds to 127.0.0.1, a
/// redirect to another receiver, a URL stored under older rules — and the delivery log says what happened in a few
/// fixed words, never what the target answered.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookTargetTests(NotificationsApp app)
{
    /// <summary>A public address the tests' resolver gives example names; nothing is ever sent there.</summary>
    private static readonly IPAddress PublicIp = IPAddress.Parse("93.184.215.14");

    private static int lastDistrict;
    private readonly string district = $"5005{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid unit = Guid.NewGuid();

    private Webhooks.WebhooksClient Webhooks => new(app.Channel);

    [Fact]
    public async Task EverySpellingOfAPrivateOrLocalTargetIsRefusedAtRegistration()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await using var receiver = await app.ReceiverAsync();
        app.Resolver.Answer("metadata.example.test", IPAddress.Parse("169.254.169.254"));
        app.Resolver.Answer("intranet.example.test", IPAddress.Parse("10.1.2.3"));
        app.Resolver.Answer("mixed.example.test", PublicIp, IPAddress.Parse("192.168.0.10"));
        app.Resolver.Answer("mapped.example.test", IPAddress.Parse("::ffff:127.0.0.1"));
        app.Resolver.Answer("ula.example.test", IPAddress.Parse("fd00::1"));
        string[] refused =
        [
            "https://169.254.169.254/latest/meta-data/",
            "http://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/",
            "https://172.16.5.4/",
            "https://192.168.1.1/",
            "https://100.64.0.1/",
            "https://127.0.0.1/",
            "https://[::1]:5101/",
            "http://[::1]:5101/",
            "https://0.0.0.0:5101/",
            "https://0/",
            "https://2130706433:5101/",
            "https://0177.0.0.1/",
            "https://0x7f.1/",
            "https://0x7f000001/",
            "https://017700000001/",
            "https://127.1/",
            "https://10.1/",
            "https://127.0.0.1./",
            "https://localhost/",
            "https://LOCALHOST./",
            "https://localhost.:5101/",
            "https://api.localhost/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:a9fe:a9fe]/",
            "https://[0:0:0:0:0:ffff:7f00:1]/",
            "https://[::127.0.0.1]/",
            "https://[64:ff9b::a00:1]/",
            "https://[2002:c0a8:101::1]/",
            "https://[fe80::1%25eth0]/",
            "https://[fc00::1]/",
            "https://[fec0::1]/",
            "https://[ff02::1]/",
            "https://[::]/",
            "https://224.0.0.1/",
            "https://255.255.255.255/",
            "https://192.0.2.1/",
            "https://198.18.0.1/",
            "https://198.51.100.1/",
            "https://203.0.113.1/",
            "https://240.0.0.1/", "https://192.0.0.1/", "https://\u2460\u2461\u2466.0.0.1/",
            "https://metadata.example.test/",
            "https://intranet.example.test/",
            "https://mixed.example.test/",
            "https://mapped.example.test/",
            "https://ula.example.test/", "https://nowhere.invalid/",
            "http://93.184.215.14/", // public, but not https
            $"http://127.0.0.1:{app.UnlistedPort()}/hook", // loopback on a port nobody allow-listed
            $"http://localhost:{receiver.Port}/hook", // the allow-list names 127.0.0.1, not whatever says it is local
        ];

        var accepted = new List<string>();
        foreach (var url in refused)
        {
            var error = await Record.ExceptionAsync(() => Webhooks.CreateWebhookAsync(
                new CreateWebhookRequest { Url = url },
                office.Token).ResponseAsync);
            if (error is not RpcException { StatusCode: StatusCode.InvalidArgument } rpc || !rpc.Status.Detail.Contains(
                "the webhook target must be a public https address",
                StringComparison.Ordinal))
            {
                accepted.Add($"{url} → {error?.Message ?? "created"}");
            }
        }

        Assert.True(accepted.Count == 0, "Not refused as a private target: " + string.Join("; ", accepted));

        // Over REST the same: 400 with the reason.
        using var rest = new HttpRequestMessage(
            HttpMethod.Post,
            "/api/v1/webhooks") { Content = JsonContent.Create(new { url = "http://2130706433:5101/" }) };
        rest.Headers.Add("Authorization", office.Authorization);
        using var answer = await app.Http.SendAsync(rest);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(
            "the webhook target must be a public https address",
            await answer.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Empty((await Webhooks.ListWebhooksAsync(new ListWebhooksRequest(), office.Token)).Webhooks);

        // The allow-listed receiver itself, exactly as listed, is accepted.
        Assert.Equal(receiver.Url, (await Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = receiver.Url },
            office.Token)).Webhook.Url);
    }

    [Fact]
    public async Task ANameThatRebindsToLoopbackAfterRegistrationIsRefusedWhenConnecting()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-reporter", unit);
        using var listener = Listen();

        // Public when the office registers it; 127.0.0.1, where something listens, when it is sent.
        var name = $"rebind-{district}.example.test";
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        app.Resolver.Answer(name, PublicIp);
        var webhook = (await Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = $"https://{name}:{port}/hook" },
            office.Token)).Webhook;
        app.Resolver.Answer(name, IPAddress.Loopback);

        var delivery = await DeliverAsync(webhook, office);

        Assert.Equal(WebhookSender.NotPublic, delivery.LastError);
        Assert.False(listener.Pending(), "The service connected to 127.0.0.1.");
        Assert.True(
            app.Resolver.Asked.Count(h => h == name) >= 2,
            "The connect callback did not resolve the name itself.");
    }

    [Fact]
    public async Task ARedirectIsAFailureAndIsNotFollowed()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-reporter", unit);
        await using var redirecting = await app.ReceiverAsync();
        await using var elsewhere = await app.ReceiverAsync();
        redirecting.RedirectTo = elsewhere.Url;
        var webhook = (await Webhooks.CreateWebhookAsync(
            new CreateWebhookRequest { Url = redirecting.Url },
            office.Token)).Webhook;

        var delivery = await DeliverAsync(webhook, office);

        Assert.Equal("failed: HTTP 302", delivery.LastError);
        Assert.Equal(1, redirecting.Hits);
        Assert.Equal(0, elsewhere.Hits);
        Assert.Empty(elsewhere.Calls);
    }

    [Fact]
    public async Task TheDeliveryLogNamesTheOutcomeNeverWhatTheTargetSaid()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-reporter", unit);
        await using var failing = await app.ReceiverAsync();
        await using var stalling = await app.ReceiverAsync();
        var closed = await app.ReceiverAsync();
        failing.FailNext = 100;
        stalling.Stall = TimeSpan.FromSeconds(30);
        var hooks = new Dictionary<string, string>();
        var cases = new[]
        {
            (failing, "failed: HTTP 500"),
            (stalling, WebhookSender.TimedOut),
            (closed, WebhookSender.CouldNotConnect),
        };
        foreach (var (receiver, expected) in cases)
        {
            hooks[(await Webhooks.CreateWebhookAsync(
                new CreateWebhookRequest { Url = receiver.Url },
                office.Token)).Webhook.Id] = expected;
        }

        // Nothing listens on the third receiver's port any more: the connection is refused.
        await closed.DisposeAsync();
        await PublishAndDispatchAsync(hooks.Count);

        foreach (var (id, expected) in hooks)
        {
            var delivery = Assert.Single((await Webhooks.ListDeliveriesAsync(
                new ListDeliveriesRequest { WebhookId = id },
                office.Token)).Deliveries);
            Assert.Equal(expected, delivery.LastError);
            Assert.DoesNotContain(WebhookReceiver.FailureText, delivery.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal Server Error", delivery.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(1, failing.Failures);
    }

    [Fact]
    public async Task AWebhookStoredUnderOlderRulesIsCheckedAgainWhenItIsSent()
    {
        var office = await app.PersonAsync(district, "district-admin");
        await app.PersonAsync(district, "unit-reporter", unit);
        using var listener = Listen();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // Rows written before the rules (the RPC would refuse both), to a port where something listens but that nobody
        // allow-listed: https straight to loopback, which only the connect callback can stop, and plain http.
        var loopback = await StoreAsync($"https://127.0.0.1:{port}/hook");
        var plain = await StoreAsync($"http://127.0.0.1:{port}/hook");
        await PublishAndDispatchAsync(2);

        var log = await Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest(), office.Token);
        Assert.Equal(
            WebhookSender.NotPublic,
            Assert.Single(log.Deliveries, d => d.Target == loopback.ToString()).LastError);
        Assert.Equal(
            WebhookSender.NotHttps,
            Assert.Single(log.Deliveries, d => d.Target == plain.ToString()).LastError);
        Assert.False(listener.Pending(), "The service connected to 127.0.0.1.");
    }

    /// <summary>
    /// A returned report for the district, its webhook deliveries created and sent once; the one to this webhook.
    /// </summary>
    private async Task<DeliveryRecord> DeliverAsync(Webhook webhook, Person office)
    {
        await PublishAndDispatchAsync(1);
        return Assert.Single((await Webhooks.ListDeliveriesAsync(
            new ListDeliveriesRequest { WebhookId = webhook.Id },
            office.Token)).Deliveries);
    }

    private async Task PublishAndDispatchAsync(int webhooks)
    {
        await app.Bus.Publish(ReportEvents.Returned(district, Guid.NewGuid(), "2023-07", unit));
        await app.EventuallyAsync(async db => await db.Deliveries.CountAsync(d => d.TenantId == district
            && d.Channel == Domain.DeliveryChannel.Webhook) == webhooks);
        await app.DispatchAsync();
    }

    /// <summary>A bare TCP listener on a free loopback port: a connection attempt would show as pending.</summary>
    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private async Task<Guid> StoreAsync(string url)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var webhook = new Domain.WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = district,
            Url = url,
            Secret = new string('0', 64),
            CreatedBy = "before-the-rules",
            CreatedAt = app.Clock.GetUtcNow(),
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync();
        return webhook.Id;
    }
}
