using PcDarts.Api.Apis;
using PcDarts.Api.Dashboard;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Live;

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAntiforgery();

app.MapOpenApiDocument();
app.MapPlatformHealthChecks();
app.MapHangfireDashboardPage();

app.MapExperimentsApi();
app.MapGenotypesApi();
app.MapCompareApi();
app.MapRunnersApi();
app.MapExperimentHub();
app.MapDashboard();

app.PrintUrlOnStart();
app.Run();

public partial class Program;
