using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Reporting.Data;
using Platform.Reporting.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<ReportingDbContext>();
app.Run();

public partial class Program;
