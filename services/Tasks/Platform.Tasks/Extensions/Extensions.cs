using Platform.Messaging;
using Platform.ServiceDefaults.Data;
using Platform.Tasks.Data;

namespace Platform.Tasks.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<TasksDbContext>();
        builder.AddPlatformMessaging<TasksDbContext>("tasks");
        return builder;
    }
}
