using PcDarts.Api.Apis;
using PcDarts.Api.Infrastructure;

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

app.PrintUrlOnStart();
app.Run();

public partial class Program;
