using Platform.Messaging;
using Platform.ServiceDefaults.Data;
using Platform.Notifications.Data;

namespace Platform.Notifications.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<NotificationsDbContext>();
        builder.AddPlatformMessaging<NotificationsDbContext>("notifications");
        return builder;
    }
}
