using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.Reporting.Data;
using Platform.Reporting.Uploads;
using Platform.Reporting.Exports;
using Platform.Reporting.Extensions;
using Platform.Reporting.Grpc;
using Platform.Reporting.Public;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformOpenApi("reporting", "Duban reporting: periods, monthly reports, lights, audit");

var app = builder.Build();
app.MapPlatformOpenApi();
app.UsePlatformDefaults();
app.MapDefaultEndpoints();
app.MapMessagingOps("reporting");
app.MapGrpcService<ReportService>();
app.MapGrpcService<DashboardService>();
app.MapGrpcService<SupervisionService>();
app.MapGrpcService<SupervisionChecksService>();
app.MapGrpcService<YearEndService>();
app.MapGrpcService<AssessmentService>();
app.MapGrpcService<PublicPageService>();
app.MapLedgerExport();
app.MapBulletinExport();
app.MapYearExport();
app.MapAssessmentExport();
app.MapEvidence();
app.MapPublicPage();

await app.MigrateDatabaseAsync<ReportingDbContext>();
app.Run();

public partial class Program;
