using Microsoft.AspNetCore.Authentication.JwtBearer;
using Platform.Units.Consumers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;
using Platform.Units.Identity;

namespace Platform.Units.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<UnitsDbContext>();
        builder.AddPlatformMessaging<UnitsDbContext>("units", x => x.AddConsumer<TaskListPublishedConsumer>());
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration("Identity");
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<AccountChanges>();
        // This service holds the accounts: it reads the revocation list from its database rather than from itself.
        builder.Services.AddSingleton<AccountRevocations>();
        builder.Services.RemoveAll<ITokenRevocationSource>();
        builder.Services.AddSingleton<ITokenRevocationSource>(sp => sp.GetRequiredService<AccountRevocations>());
        builder.Services.AddTokenRateLimiting();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalKeyJwtOptions>();
        return builder;
    }
}
