using Platform.Portal;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults();
builder.AddPortal();

var app = builder.Build();
app.UsePortal();
app.Run();

public partial class Program;
