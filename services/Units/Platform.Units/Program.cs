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
app.UsePlatformDefaults();
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
