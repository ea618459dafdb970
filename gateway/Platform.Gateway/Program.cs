using Microsoft.AspNetCore.HttpOverrides;
using Platform.Gateway.Routing;
using Platform.Gateway.Security;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var (routes, clusters) = ServiceRoutes.Build(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromMemory(routes, clusters)
    .AddTransforms(ProblemDetailsTransform.Add);
builder.Services.AddGatewayRateLimiting(builder.Configuration);
builder.Services.AddGatewayTimeouts(builder.Configuration);
builder.Services.AddHttpClient(nameof(IdentityAuthorityHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(3));
builder.Services.AddHealthChecks().AddCheck<IdentityAuthorityHealthCheck>("identity");

var app = builder.Build();

// Behind an ingress that ends TLS, the browser's scheme, host and address come from it (Gateway:TrustedProxies; none by
// default, since locally browsers call the gateway directly); the routes pass them on to the portal.
app.UseForwardedHeadersFrom("Gateway:TrustedProxies", fallback: string.Empty);

// The portal signs people in through this gateway's token endpoint and names the browser in X-Forwarded-For: believed
// from the portal's addresses only (Gateway:PortalAddresses; none by default, since locally every caller is on
// loopback), and only that header, so each browser gets its own per-address bucket while nobody else can choose theirs.
app.UseForwardedHeadersFrom("Gateway:PortalAddresses", fallback: string.Empty, ForwardedHeaders.XForwardedFor);
app.UseRequestId();
app.UseApiBodyLimit(
    builder.Configuration.GetValue("Limits:MaxApiBodyBytes", 1024L * 1024),
    builder.Configuration.GetValue("Limits:MaxImportBodyBytes", 32L * 1024 * 1024));
app.UseSwaggerUI(o =>
{
    // The browsable API reference, served from the gateway's own assets: no script from the internet.
    o.RoutePrefix = "api-docs";
    o.DocumentTitle = "Duban API";
    foreach (var document in ServiceRoutes.OpenApiDocuments(builder.Configuration))
    {
        o.SwaggerEndpoint($"/openapi/{document}.json", document);
    }
});

// Routing runs after the API reference: its assets are static files, which are not served once routing has chosen an
// endpoint, and the portal's catch-all route would otherwise be chosen for them.
app.UseRouting();
app.UsePlatformDefaults();
app.UseRateLimiter();
app.UseGatewayTimeouts();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapUnservedApiPaths();
app.Run();

public partial class Program;
