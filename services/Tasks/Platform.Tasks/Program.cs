using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Tasks.Data;
using Platform.Tasks.Extensions;
using Platform.Tasks.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformOpenApi("tasks", "Duban tasks: task lists, import, publication, sign-for");

var app = builder.Build();
app.MapPlatformOpenApi();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();
app.MapMessagingOps("tasks");
app.MapTaskReplay();
app.MapGrpcService<TaskListService>();

await app.MigrateDatabaseAsync<TasksDbContext>();
app.Run();

public partial class Program;
