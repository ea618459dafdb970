using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Notifications.V1;

namespace Platform.Notifications.Grpc;

/// <summary>
/// A person's own inbox: nobody reads or marks another's, whatever their role. Integration clients have no inbox (they
/// get webhooks). The district's rules are read by its accounts and changed by its office.
/// </summary>
public sealed class InboxService(
    NotificationsDbContext db,
    ITenantContext caller,
    InboxSignal signal,
    TimeProvider clock,
    IConfiguration configuration)
    : V1.Inbox.InboxBase
{
    public override async Task<V1.ListNotificationsResponse> ListNotifications(
        V1.ListNotificationsRequest request,
        ServerCallContext context)
    {
        var me = Me();
        if (request.PageSize is < 0 or > 200)
        {
            throw new ValidationException("page_size", "1 to 200");
        }

        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        if (request.UnreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        if (request.BeforeId > 0)
        {
            query = query.Where(n => n.Id < request.BeforeId);
        }

        var page = await query.OrderByDescending(n => n.Id)
            .Take(request.PageSize == 0 ? 50 : request.PageSize)
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListNotificationsResponse { Unread = await UnreadAsync(me, context.CancellationToken) };
        response.Notifications.AddRange(page.Select(ToProto));
        return response;
    }

    public override async Task<V1.UnreadCount> GetUnreadCount(
        V1.GetUnreadCountRequest request,
        ServerCallContext context) =>
        new() { Unread = await UnreadAsync(Me(), context.CancellationToken) };

    public override async Task<V1.UnreadCount> MarkRead(V1.MarkReadRequest request, ServerCallContext context)
    {
        var me = Me();
        if (request.Ids.Count > 500)
        {
            throw new ValidationException("ids", "at most 500 at a time");
        }

        var ids = request.Ids.ToList();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.RecipientId == me
            && n.ReadAt == null
            && (ids.Count == 0 || ids.Contains(n.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), context.CancellationToken);
        return new V1.UnreadCount { Unread = await UnreadAsync(me, context.CancellationToken) };
    }

    public override async Task WatchInbox(
        V1.WatchInboxRequest request,
        IServerStreamWriter<V1.Notification> responseStream,
        ServerCallContext context)
    {
        var me = Me();
        var last = request.AfterId;
        if (last <= 0)
        {
            last = await db.Notifications
                .Where(n => n.RecipientId == me)
                .MaxAsync(n => (long?)n.Id, context.CancellationToken) ?? 0;
        }

        var poll = configuration.GetValue("Notifications:WatchPollInterval", TimeSpan.FromSeconds(5));
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var fresh = await db.Notifications
                .AsNoTracking()
                .Where(n => n.RecipientId == me && n.Id > last)
                .OrderBy(n => n.Id)
                .Take(100)
                .ToListAsync(context.CancellationToken);
            foreach (var notification in fresh)
            {
                await responseStream.WriteAsync(ToProto(notification), context.CancellationToken);
                last = notification.Id;
            }

            await signal.WaitAsync(me, poll, context.CancellationToken);
        }
    }

    public override async Task<V1.NotificationSettings> GetNotificationSettings(
        V1.GetNotificationSettingsRequest request,
        ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsRead);
        var tenant = caller.TenantId ?? throw new ForbiddenException("The token names no tenant.");
        return ToProto(await db.Settings.AsNoTracking().SingleOrDefaultAsync(
            s => s.TenantId == tenant,
            context.CancellationToken) ?? NotificationSettings.Default(tenant));
    }

    /// <summary>
    /// Changes only the fields the request carries (proto3 optional): a PUT with one field, or none, leaves the others
    /// as they are, over gRPC and REST alike. A value out of range is refused before anything changes.
    /// </summary>
    public override async Task<V1.NotificationSettings> UpdateNotificationSettings(
        V1.NotificationSettings request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        Check("reminder_days_before", request.HasReminderDaysBefore, request.ReminderDaysBefore, 0, 15);
        Check("overdue_after_days", request.HasOverdueAfterDays, request.OverdueAfterDays, 0, 30);
        Check("escalate_after_days", request.HasEscalateAfterDays, request.EscalateAfterDays, 0, 30);
        var settings = await db.Settings.SingleOrDefaultAsync(s => s.TenantId == tenant, context.CancellationToken);
        if (settings is null)
        {
            settings = NotificationSettings.Default(tenant);
            db.Settings.Add(settings);
        }

        settings.ReminderDaysBefore = request.HasReminderDaysBefore
            ? request.ReminderDaysBefore
            : settings.ReminderDaysBefore;
        settings.OverdueAfterDays = request.HasOverdueAfterDays ? request.OverdueAfterDays : settings.OverdueAfterDays;
        settings.EscalateAfterDays = request.HasEscalateAfterDays
            ? request.EscalateAfterDays
            : settings.EscalateAfterDays;
        settings.AssignmentEnabled = request.HasAssignmentEnabled
            ? request.AssignmentEnabled
            : settings.AssignmentEnabled;
        settings.ReminderEnabled = request.HasReminderEnabled ? request.ReminderEnabled : settings.ReminderEnabled;
        settings.OverdueEnabled = request.HasOverdueEnabled ? request.OverdueEnabled : settings.OverdueEnabled;
        settings.EscalationEnabled = request.HasEscalationEnabled
            ? request.EscalationEnabled
            : settings.EscalationEnabled;
        settings.ReviewEnabled = request.HasReviewEnabled ? request.ReviewEnabled : settings.ReviewEnabled;
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(settings);
    }

    public override async Task<V1.Preferences> GetPreferences(
        V1.GetPreferencesRequest request,
        ServerCallContext context)
    {
        var me = Me();
        var preference = await db.Preferences
            .AsNoTracking()
            .SingleOrDefaultAsync(p => p.RecipientId == me, context.CancellationToken);
        return new V1.Preferences
        {
            Email = preference?.Email ?? string.Empty,
            EmailEnabled = preference?.EmailEnabled ?? false,
        };
    }

    /// <summary>
    /// Changes only the fields the request carries (proto3 optional): an address alone keeps e-mail on or off as it
    /// was, a switch alone keeps the address. E-mail on needs an address, whichever request supplied it.
    /// </summary>
    public override async Task<V1.Preferences> UpdatePreferences(V1.Preferences request, ServerCallContext context)
    {
        var me = Me();
        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.RecipientId == me, context.CancellationToken);
        var email = request.HasEmail ? request.Email.Trim() : preference?.Email ?? string.Empty;
        var enabled = request.HasEmailEnabled ? request.EmailEnabled : preference?.EmailEnabled ?? false;
        if (email.Length > 254
            || (email.Length > 0 && !MimeKit.MailboxAddress.TryParse(email, out _))
            || (enabled && email.Length == 0))
        {
            throw new ValidationException("email", "a valid address (required to turn e-mail on)");
        }

        if (preference is null)
        {
            preference = new Preference { RecipientId = me, TenantId = caller.TenantId! };
            db.Preferences.Add(preference);
        }

        preference.Email = email.Length == 0 ? null : email;
        preference.EmailEnabled = enabled;
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.Preferences { Email = email, EmailEnabled = preference.EmailEnabled };
    }

    /// <summary>The caller as a person (an account id from the token's subject); systems have no inbox.</summary>
    private Guid Me()
    {
        caller.Require(PlatformScopes.ReportsRead);
        return Guid.TryParse(caller.UserId, out var id) && caller.TenantId is not null
            ? id
            : throw new ForbiddenException(
                "Only a person's account has an inbox; integration clients receive webhooks.");
    }

    private Task<int> UnreadAsync(Guid me, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, cancellationToken);

    private static void Check(string field, bool present, int value, int min, int max)
    {
        if (present && (value < min || value > max))
        {
            throw new ValidationException(field, $"{min} to {max} days");
        }
    }

    private static V1.Notification ToProto(Notification n) => new()
    {
        Id = n.Id,
        Kind = (V1.NotificationKind)(int)n.Kind,
        Title = n.Title,
        Body = n.Body,
        TaskId = n.TaskId?.ToString() ?? string.Empty,
        Period = n.Period ?? string.Empty, CreatedAt = Timestamp.FromDateTimeOffset(n.CreatedAt),
        ReadAt = n.ReadAt is { } read ? Timestamp.FromDateTimeOffset(read) : null,
    };

    private static V1.NotificationSettings ToProto(NotificationSettings s) => new()
    {
        ReminderDaysBefore = s.ReminderDaysBefore,
        OverdueAfterDays = s.OverdueAfterDays,
        EscalateAfterDays = s.EscalateAfterDays,
        AssignmentEnabled = s.AssignmentEnabled, ReminderEnabled = s.ReminderEnabled, OverdueEnabled = s.OverdueEnabled,
        EscalationEnabled = s.EscalationEnabled, ReviewEnabled = s.ReviewEnabled,
    };
}
