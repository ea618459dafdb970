using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Notifications.Data;
using Platform.Notifications.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
app.Run();

public partial class Program;
