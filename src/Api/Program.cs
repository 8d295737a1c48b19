using PcDarts.Api.Apis;
using PcDarts.Api.Auth;
using PcDarts.Api.Dashboard;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Live;
using PcDarts.Api.Telemetry;

if (args is [MigrateCommand.Verb, ..]) return await MigrateCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePlatformAuth();
app.UseAntiforgery();

app.MapOpenApiDocument();
app.MapPlatformHealthChecks();
app.MapMetricsEndpoint();
app.MapHangfireDashboardPage();

app.MapAccountEndpoints();
app.MapExperimentsApi().RequireOwnerToChange();
app.MapStudiesApi().RequireMemberToChange();
app.MapGenotypesApi().RequireMemberToChange();
app.MapCompareApi().RequireMemberToChange();
app.MapRunnersApi().RequireMemberToChange();
app.MapQueuesApi().RequireMemberToChange();
app.MapCostApi().RequireMemberToChange();
app.MapArchitecturesApi().RequireMemberToChange();
app.MapDatasetsApi();
app.MapExperimentHub();
app.MapDashboard();

app.PrintUrlOnStart();
await app.RunAsync();
return 0;

public partial class Program;
