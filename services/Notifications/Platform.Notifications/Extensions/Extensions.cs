using MassTransit;
using Platform.Messaging;
using Platform.Notifications.Channels;
using Platform.Notifications.Consumers;
using Platform.Notifications.Data;
using Platform.Notifications.Jobs;
using Platform.Notifications.Rules;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Time;
using ReportingV1 = Platform.Contracts.Reporting.V1;

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
            x.AddConsumer<UnitMergedConsumer>();
            x.AddConsumer<UnitNamesConsumer>();
            x.AddConsumer<ReportSubmittedConsumer>();
            x.AddConsumer<ReportReturnedConsumer>();
            x.AddConsumer<ReportAcceptedConsumer>();
            x.AddConsumer<TaskRequestDecidedConsumer>();
            x.AddConsumer<CompletionReturnedConsumer>();
            x.AddConsumer<CompletionAcceptedConsumer>();
            x.AddConsumer<AssessmentPublishedConsumer>();
        });
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddScoped<NotificationWriter>();
        builder.Services.AddScoped<SupervisionLadder>();
        builder.AddOwedConfirmation();
        builder.Services.AddHostedService<LadderClock>();
        builder.Services.AddScoped<IClockChangeHandler, LadderOnClockChange>();
        builder.AddWebhookClient();
        builder.Services.AddScoped<IChannelSender, WebhookSender>();
        builder.Services.AddScoped<IChannelSender, EmailSender>();
        if (builder.Configuration.GetSection("Notifications:Dapr:Bindings").Get<string[]>() is { Length: > 0 })
        {
            // The sidecar's gRPC endpoint: Notifications:Dapr:GrpcEndpoint, else the DAPR_GRPC_ENDPOINT it sets.
            var endpoint = builder.Configuration["Notifications:Dapr:GrpcEndpoint"];
            builder.Services.AddSingleton(_ =>
            {
                var dapr = new Dapr.Client.DaprClientBuilder();
                if (!string.IsNullOrEmpty(endpoint))
                {
                    dapr.UseGrpcEndpoint(endpoint);
                }

                return dapr.Build();
            });
            builder.Services.AddScoped<IChannelSender, DaprBindingSender>();
        }
        builder.Services.AddScoped<DeliveryDispatcher>();
        builder.Services.AddHostedService<DeliveryLoop>();
        return builder;
    }

    /// <summary>
    /// The webhook client reaches only what <see cref="WebhookTargets"/> allows: its connect callback resolves and
    /// judges the host itself, no proxy stands in between, a redirect is answered as a failure rather than followed (it
    /// would lead anywhere), and no cookie from one receiver goes to another. Timeout: Notifications:Webhooks:Timeout.
    /// </summary>
    private static void AddWebhookClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IHostResolver, DnsHostResolver>();
        builder.Services.AddSingleton<WebhookTargets>();
        var timeout = builder.Configuration.GetValue("Notifications:Webhooks:Timeout", TimeSpan.FromSeconds(10));
        builder.Services.AddHttpClient(nameof(WebhookSender), c => c.Timeout = timeout)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                ConnectCallback = services.GetRequiredService<WebhookTargets>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
            });
    }

    /// <summary>
    /// The ladder confirms with reporting (Services:Reporting:Grpc) as the platform's service client before it chases
    /// anyone; without that address it trusts its own versioned copy of the report states.
    /// </summary>
    private static void AddOwedConfirmation(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["Services:Reporting:Grpc"] is not { Length: > 0 } reporting)
        {
            builder.Services.AddSingleton<IOwedConfirmation, OwnStateConfirmation>();
            return;
        }

        builder.Services.AddHttpClient(nameof(ServiceToken), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<ServiceToken>();
        builder.Services
            .AddGrpcClient<ReportingV1.SupervisionChecks.SupervisionChecksClient>(o => o.Address = new Uri(reporting))
            .AddCallCredentials(async (context, metadata, services) =>
                metadata.Add(
                    "Authorization",
                    "Bearer " + await services.GetRequiredService<ServiceToken>().GetAsync(context.CancellationToken)))
            .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);
        builder.Services.AddScoped<IOwedConfirmation, ReportingConfirmation>();
    }
}
