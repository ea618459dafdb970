using Microsoft.Net.Http.Headers;
using MassTransit;
using Platform.Messaging;
using Platform.Tasks.Consumers;
using Platform.MultiTenancy;
using Platform.Tasks.Data;
using Platform.Tasks.Grpc;
using Platform.Tasks.Importing;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Tasks.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<TasksDbContext>();
        builder.AddPlatformMessaging<TasksDbContext>("tasks", x =>
        {
            x.AddConsumer<UnitChangedConsumer>();
            x.AddConsumer<YearClosedConsumer>();
        });
        builder.Services.AddHttpContextAccessor();

        // The units service authorizes every call itself, so calls carry the caller's own token.
        var unitsAddress = builder.Configuration["Services:Units:Grpc"];
        builder.Services.AddGrpcClient<UnitsV1.UnitDirectory.UnitDirectoryClient>(o =>
            {
                if (!string.IsNullOrWhiteSpace(unitsAddress))
                {
                    o.Address = new Uri(unitsAddress);
                }
            })
            .AddCallCredentials((context, metadata, services) =>
            {
                var authorization = services.GetRequiredService<IHttpContextAccessor>()
                    .HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
                if (!string.IsNullOrEmpty(authorization))
                {
                    metadata.Add("Authorization", authorization);
                }

                return Task.CompletedTask;
            })
            .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);
        builder.Services.AddScoped<UnitDirectory>();
        builder.Services.AddScoped<CarryOverDesk>();
        return builder;
    }
}
