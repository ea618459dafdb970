using Platform.Messaging;
using Platform.ServiceDefaults.Data;
using Platform.Reporting.Data;

namespace Platform.Reporting.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<ReportingDbContext>();
        builder.AddPlatformMessaging<ReportingDbContext>("reporting");
        return builder;
    }
}
