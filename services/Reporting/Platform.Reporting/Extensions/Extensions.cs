using MassTransit;
using Platform.Messaging;
using Platform.Reporting.Consumers;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Jobs;
using Platform.Reporting.Public;
using Platform.Reporting.Rollups;
using Platform.Reporting.Views;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<ReportingDbContext>();
        builder.AddPlatformMessaging<ReportingDbContext>("reporting", x =>
        {
            x.AddConsumer<TaskListPublishedConsumer>();
            x.AddConsumer<TenantProvisionedConsumer>();
            x.AddConsumer<UnitMergedConsumer>();
            x.AddConsumer<UnitNamesConsumer>();
            x.AddConsumer<SupervisionNoticeConsumer>();
            x.AddConsumer<PublicStatusOnReportSubmitted>();
            x.AddConsumer<PublicStatusOnTaskRequestDecided>();
            x.AddConsumer<PublicStatusOnCompletionReportAccepted>();
        });
        builder.Services.AddScoped<DistrictCalendar>();
        builder.Services.AddScoped<LightProjector>();
        builder.Services.AddScoped<ReportingUnitOfWork>();
        builder.Services.AddHostedService<LightClock>();
        builder.Services.AddScoped<DivisionRollups>();
        builder.Services.AddSingleton<DivisionViewCache>();
        builder.Services.AddHostedService<RollupWorker>();
        builder.Services.AddScoped<IClockChangeHandler, LightsOnClockChange>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<PublicPageQuery>();
        builder.Services.AddScoped<PublicStatusTracker>();
        return builder;
    }
}
