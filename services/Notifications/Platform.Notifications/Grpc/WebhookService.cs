using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Notifications.Channels;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Notifications.V1;

namespace Platform.Notifications.Grpc;

/// <summary>
/// A district office's webhooks and the delivery log. A URL must be https to a host whose every address is public, or
/// one of the exact host:port targets of Notifications:Webhooks:AllowedTargets (the local stack's receivers, http
/// allowed); see <see cref="WebhookTargets"/>, which checks again on every connection. Another district's
/// subscriptions and deliveries are not found.
/// </summary>
public sealed class WebhookService(
    NotificationsDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    WebhookTargets targets)
    : V1.Webhooks.WebhooksBase
{
    public const string NotPublicHttps = "the webhook target must be a public https address";

    private const int MaxWebhooksPerDistrict = 20;

    public override async Task<V1.CreatedWebhook> CreateWebhook(
        V1.CreateWebhookRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        if (request.Url is not { Length: <= 2000 } || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url) ||
            url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ValidationException("url", "an absolute https URL without credentials");
        }

        var kinds = request.Kinds.Select(k => k.Trim().ToUpperInvariant().Replace(
            "NOTIFICATION_KIND_",
            string.Empty,
            StringComparison.Ordinal)).Distinct().ToList();
        var known = System.Enum.GetNames<NotificationKind>().ToDictionary(n => ToConstant(n), n => n);
        if (kinds.FirstOrDefault(k => !known.ContainsKey(k)) is { } unknown)
        {
            throw new ValidationException("kinds", $"unknown kind '{unknown}': use {string.Join(", ", known.Keys)}");
        }

        // Last, as it may ask DNS: the scheme and every address the host resolves to.
        if (!await targets.AcceptsAsync(url, context.CancellationToken))
        {
            throw new ValidationException("url", NotPublicHttps);
        }

        if (await db.Webhooks.CountAsync(
            w => w.TenantId == tenant,
            context.CancellationToken) >= MaxWebhooksPerDistrict)
        {
            throw new PreconditionException(
                $"A district has at most {MaxWebhooksPerDistrict} webhooks; delete one first.");
        }

        var webhook = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant,
            Url = url.ToString(),
            Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Kinds = kinds.Select(k => known[k]).ToList(), CreatedBy = caller.Actor(), CreatedAt = clock.GetUtcNow(),
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.CreatedWebhook { Webhook = ToProto(webhook), Secret = webhook.Secret };
    }

    public override async Task<V1.ListWebhooksResponse> ListWebhooks(
        V1.ListWebhooksRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var response = new V1.ListWebhooksResponse();
        var webhooks = await db.Webhooks.AsNoTracking()
            .Where(w => w.TenantId == tenant)
            .OrderBy(w => w.CreatedAt)
            .ToListAsync(context.CancellationToken);
        response.Webhooks.AddRange(webhooks.Select(ToProto));
        return response;
    }

    public override async Task<V1.DeleteWebhookResponse> DeleteWebhook(
        V1.DeleteWebhookRequest request,
        ServerCallContext context)
    {
        var webhook = await FindAsync(request.Id, context.CancellationToken);
        db.Webhooks.Remove(webhook);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.DeleteWebhookResponse();
    }

    public override async Task<V1.ListDeliveriesResponse> ListDeliveries(
        V1.ListDeliveriesRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var query = db.Deliveries.AsNoTracking().Where(d => d.TenantId == tenant);
        if (!string.IsNullOrEmpty(request.WebhookId))
        {
            var webhook = await FindAsync(request.WebhookId, context.CancellationToken);
            var target = webhook.Id.ToString();
            query = query.Where(d => d.Channel == DeliveryChannel.Webhook && d.Target == target);
        }

        if (request.DeadOnly)
        {
            query = query.Where(d => d.Status == DeliveryStatus.Dead);
        }

        var response = new V1.ListDeliveriesResponse();
        response.Deliveries.AddRange((
            await query.OrderByDescending(d => d.Id).Take(100).ToListAsync(context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<V1.DeliveryRecord> RetryDelivery(
        V1.RetryDeliveryRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var delivery = await db.Deliveries.SingleOrDefaultAsync(
            d => d.Id == request.Id && d.TenantId == tenant,
            context.CancellationToken)
            ?? throw new NotFoundException(
                "delivery",
                request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (delivery.Status != DeliveryStatus.Dead)
        {
            throw new PreconditionException(
                $"The delivery is {delivery.Status.ToString().ToLowerInvariant()}; only a dead one is retried.");
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow();
        if (delivery.Channel == DeliveryChannel.Webhook && Guid.TryParse(delivery.Target, out var id) &&
            await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id, context.CancellationToken) is { } webhook)
        {
            webhook.Active = true;
            webhook.ConsecutiveFailures = 0;
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(delivery);
    }

    private async Task<WebhookSubscription> FindAsync(string id, CancellationToken cancellationToken)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var key = Caller.ParseId(id, "id", "webhook");
        return await db.Webhooks.SingleOrDefaultAsync(w => w.Id == key && w.TenantId == tenant, cancellationToken)
            ?? throw new NotFoundException("webhook", id);
    }

    private static string ToConstant(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static V1.Webhook ToProto(WebhookSubscription w)
    {
        var proto = new V1.Webhook
        {
            Id = w.Id.ToString(),
            Url = w.Url,
            Active = w.Active,
            ConsecutiveFailures = w.ConsecutiveFailures,
            CreatedAt = Timestamp.FromDateTimeOffset(w.CreatedAt),
        };
        proto.Kinds.AddRange(w.Kinds.Select(ToConstant));
        return proto;
    }

    private static V1.DeliveryRecord ToProto(Delivery d) => new()
    {
        Id = d.Id,
        Channel = d.Channel.ToString(),
        Target = d.Target,
        Subject = d.Subject,
        Status = d.Status.ToString(),
        Attempts = d.Attempts,
        LastError =
            (d.Channel == DeliveryChannel.Webhook ? WebhookSender.Shown(d.LastError) : d.LastError) ?? string.Empty,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        NextAttemptAt = Timestamp.FromDateTimeOffset(d.NextAttemptAt),
        DeliveredAt = d.DeliveredAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };
}
