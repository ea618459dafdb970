using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.MultiTenancy;

public static class TenantServiceCollectionExtensions
{
    public static IServiceCollection AddTenantContext(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        return services;
    }

    /// <summary>
    /// The interceptor that puts the signed tenant context on every connection, for a host with a database: the key
    /// is its own (<see cref="TenantContextKey"/>), so a host without a database (the gateway) needs none.
    /// </summary>
    public static IServiceCollection AddTenantConnections(this IServiceCollection services, TenantContextKey key)
    {
        services.AddSingleton(key);
        services.AddScoped<TenantConnectionInterceptor>();
        return services;
    }

    /// <summary>After authentication: the request's tenant comes from the token's claim, and only from there.</summary>
    public static IApplicationBuilder UseTenantContext(this IApplicationBuilder app) =>
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.RequestServices.GetRequiredService<TenantContext>().SetFromPrincipal(context.User);
            }

            await next(context);
        });
}
