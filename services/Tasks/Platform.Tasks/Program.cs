using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Tasks.Data;
using Platform.Tasks.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<TasksDbContext>();
app.Run();

public partial class Program;
