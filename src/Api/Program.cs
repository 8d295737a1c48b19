using PcDarts.Api.Apis;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Live;

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApiDocument();
app.MapPlatformHealthChecks();
app.MapHangfireDashboardPage();

app.MapExperimentsApi();
app.MapGenotypesApi();
app.MapCompareApi();
app.MapRunnersApi();
app.MapExperimentHub();

app.PrintUrlOnStart();
app.Run();

public partial class Program;
