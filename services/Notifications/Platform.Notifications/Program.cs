using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Notifications.Data;
using Platform.Notifications.Extensions;
using Platform.Notifications.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformOpenApi(
    "notifications",
    "Duban notifications: the in-app inbox and the district's notification rules");

var app = builder.Build();
app.MapPlatformOpenApi();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();
app.MapMessagingOps("notifications");
app.MapGrpcService<InboxService>();
app.MapGrpcService<WebhookService>();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
app.Run();

public partial class Program;
