using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Platform.MultiTenancy;
using Platform.Portal.Api;
using Platform.Portal.Session;
using Platform.ServiceDefaults;

namespace Platform.Portal;

/// <summary>
/// The portal: server-rendered Razor Pages over the platform's public API (the gateway's gRPC port for calls, its REST
/// port for the token endpoint, evidence files and exports). It keeps no data of its own; the signed-in person's tokens
/// travel in an encrypted, HTTP-only cookie.
/// </summary>
public static class PortalExtensions
{
    public const string OfficePolicy = "district-office";

    public const string PlatformPolicy = "platform-admin";

    /// <summary>The gateway on the same machine, as on the local stack.</summary>
    public const string DefaultTrustedProxies = "127.0.0.0/8,::1";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var gatewayHttp = new Uri(Required(configuration, "Gateway:Http").TrimEnd('/') + "/");
        var gatewayGrpc = new Uri(Required(configuration, "Gateway:Grpc"));
        var idle = configuration.GetValue("Portal:SessionIdle", TimeSpan.FromMinutes(30));
        var refreshBefore = configuration.GetValue("Portal:RefreshBefore", TimeSpan.FromSeconds(30));
        // The units service's own setting, read under the same key, so the forms ask for what it will take.
        var minPasswordLength = configuration.GetValue("Identity:MinPasswordLength", 8);

        builder.Services.AddSingleton(
            new PortalOptions(gatewayHttp, gatewayGrpc, idle, refreshBefore, minPasswordLength));
        builder.Services.AddSingleton(_ => GrpcChannel.ForAddress(gatewayGrpc, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            },
        }));
        builder.Services.AddHttpClient(PlatformApi.GatewayHttpClient, c =>
        {
            c.BaseAddress = gatewayHttp;
            c.Timeout = TimeSpan.FromMinutes(2);
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefreshCoordinator>();
        builder.Services.AddScoped<PortalSession>();
        builder.Services.AddScoped<PlatformApi>();
        builder.Services.AddScoped<Public.PublicPages>();

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("duban-portal");
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "duban.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Behind TLS terminated before the gateway the request looks like plain HTTP: Portal:SecureCookie
                // forces Secure.
                o.Cookie.SecurePolicy = configuration.GetValue("Portal:SecureCookie", false)
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ReturnUrlParameter = "returnUrl";
                // A page the person's role does not open answers 403 with the error page, not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = o.DefaultPolicy;
            o.AddPolicy(OfficePolicy, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.DistrictAdmin));
            o.AddPolicy(PlatformPolicy, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.PlatformAdmin));
        });
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AuthorizeFolder("/Office", OfficePolicy);
            o.Conventions.AuthorizeFolder("/Admin", PlatformPolicy);
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AddPageRoute("/Dashboard/Index", "/municipal/{tenant:length(6)}");
            o.Conventions.AddPageRoute("/Tasks/Index", "/municipal/{tenant:length(6)}/tasks");
        }).AddMvcOptions(o => o.Filters.Add<ApiErrorPageFilter>());
        // Chinese text is written as itself, not as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings =
                new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(
            o => o.MultipartBodyLengthLimit = 32L * 1024 * 1024);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // Browsers reach the portal through the gateway: the scheme and host its redirects name (the sign-in page, the
        // cookie's Secure flag) are the browser's, taken from the gateway's X-Forwarded-* headers, and only from the
        // gateway (Portal:TrustedProxies: loopback by default; the pod network on Kubernetes).
        app.UseForwardedHeadersFrom("Portal:TrustedProxies", DefaultTrustedProxies);
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Extensions.LiveTag) })
            .AllowAnonymous();
        app.MapRazorPages();
        app.MapPortalEndpoints();
        return app;
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration '{key}' is required.");
}
