using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.MultiTenancy;

namespace Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (connection string "RabbitMq", an amqp:// URI) with the tenant filters, the outbox of
    /// <typeparamref name="TDbContext"/> and its relay. <paramref name="configureConsumers"/> registers this service's
    /// consumers; a service that consumes nothing passes none.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured (an amqp:// URI).");

        builder.Services.TryAddTimeProvider();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxLag>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ErrorQueues>(sp, connectionString));
        builder.Services.AddHostedService<ErrorQueueMonitor>();
        builder.Services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox")
            .AddCheck<ErrorQueuesHealthCheck>("error-queues");
        builder.Services
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, OutboxSignalInterceptor>();
        builder.Services.AddScoped<IOutbox, Outbox<TDbContext>>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxRelay<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TDbContext>>());

        builder.Services.AddMassTransit(x =>
        {
            // Queues are named after the service; tests running beside a live stack give themselves another prefix.
            var prefix = builder.Configuration["Messaging:EndpointPrefix"] is { Length: > 0 } configured
                ? configured
                : serviceName;
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            configureConsumers?.Invoke(x);
            // No call home: the hosts have no business on the internet, and its failures filled the logs.
            x.DisableUsageTelemetry();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString), h => h.PublisherConfirmation = true);
                cfg.UsePublishFilter(typeof(TenantPublishFilter<>), context);
                cfg.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                cfg.ConnectEndpointConfigurationObserver(context.GetRequiredService<ErrorQueues>());
                // A dependency that is down (the database refusing connections, restarting, failing over) is waited
                // for: the message stays unacknowledged on its queue and is tried again with growing delays for the
                // whole redelivery window (an hour by default), so an outage loses nothing and needs no operator.
                // Only a message that still cannot be applied after that, or one that fails for any other reason
                // (poison: it would fail the same way every time) after a few quick tries, goes to the error queue.
                var window = builder.Configuration.GetValue("Messaging:RedeliveryWindow", TimeSpan.FromMinutes(65));
                cfg.UseMessageRetry(r =>
                {
                    r.Intervals(Redelivery.Intervals(window).ToArray());
                    r.Handle<Exception>(DatabaseFailures.IsTransient);
                });
                cfg.UseMessageRetry(r =>
                {
                    r.Exponential(
                        3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(300));
                    r.Ignore<MissingTenantException>();
                    r.Ignore<Exception>(DatabaseFailures.IsTransient);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
