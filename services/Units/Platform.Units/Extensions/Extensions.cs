using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.ServiceDefaults.Data;
using Platform.Units.Data;
using Platform.Units.Identity;

namespace Platform.Units.Extensions;

internal static class Extensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddTenantDbContext<UnitsDbContext>();
        builder.AddPlatformMessaging<UnitsDbContext>("units");
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration("Identity");
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddTokenRateLimiting();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalKeyJwtOptions>();
        return builder;
    }
}
