using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (connection string "RabbitMq", an amqp:// URI) with the tenant filters, the outbox of
    /// <typeparamref name="TDbContext"/> and its relay. <paramref name="configureConsumers"/> registers this service's
    /// consumers; a service that consumes nothing passes none.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured (an amqp:// URI).");

        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, OutboxSignalInterceptor>();
        builder.Services.AddScoped<IOutbox, Outbox<TDbContext>>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxRelay<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TDbContext>>());

        builder.Services.AddMassTransit(x =>
        {
            // Queues are named after the service; tests running beside a live stack give themselves another prefix.
            var prefix = builder.Configuration["Messaging:EndpointPrefix"] is { Length: > 0 } configured ? configured : serviceName;
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            configureConsumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString), h => h.PublisherConfirmation = true);
                cfg.UsePublishFilter(typeof(TenantPublishFilter<>), context);
                cfg.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200))
                    .Ignore<MissingTenantException>());
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
