using Microsoft.AspNetCore.HttpOverrides;
using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Units.Data;
using Platform.Units.Extensions;
using Platform.Units.Grpc;
using Platform.Units.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformOpenApi("units", "Duban units: tenants, unit directory, accounts");

var app = builder.Build();
app.MapPlatformOpenApi();

// The gateway passes the browser's address on in X-Forwarded-For; it is believed only from Units:TrustedProxies (the
// gateway's network on Kubernetes; nobody by default, since locally every caller is on loopback), and only that header:
// it is what the token endpoint's per-address limit counts by.
app.UseForwardedHeadersFrom("Units:TrustedProxies", fallback: string.Empty, ForwardedHeaders.XForwardedFor);
app.UsePlatformDefaults();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapMessagingOps("units");
app.MapDirectoryReplay();
app.MapTokenEndpoints();
app.MapGrpcService<UnitDirectoryService>();
app.MapGrpcService<TenantDirectoryService>();
app.MapGrpcService<AccessDirectoryService>();

await app.MigrateDatabaseAsync<UnitsDbContext>();
await app.EnsureBootstrapAdminAsync();
await app.EnsureServiceClientsAsync();
app.Run();

public partial class Program;
