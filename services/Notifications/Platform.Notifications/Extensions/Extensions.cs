using MassTransit;
using Platform.Messaging;
using Platform.Notifications.Consumers;
using Platform.Notifications.Data;
using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<NotificationsDbContext>();
        builder.AddPlatformMessaging<NotificationsDbContext>("notifications", x =>
        {
            x.AddConsumer<AccountChangedConsumer>();
            x.AddConsumer<TaskListPublishedConsumer>();
            x.AddConsumer<ReportSubmittedConsumer>();
            x.AddConsumer<ReportReturnedConsumer>();
            x.AddConsumer<ReportAcceptedConsumer>();
            x.AddConsumer<TaskRequestDecidedConsumer>();
        });
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddScoped<NotificationWriter>();
        builder.Services.AddScoped<SupervisionLadder>();
        builder.Services.AddHostedService<LadderClock>();
        builder.Services.AddScoped<IClockChangeHandler, LadderOnClockChange>();
        return builder;
    }
}
