using PcDarts.Api.Apis;
using PcDarts.Api.Auth;
using PcDarts.Api.Dashboard;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Live;

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePlatformAuth();
app.UseAntiforgery();

app.MapOpenApiDocument();
app.MapPlatformHealthChecks();
app.MapHangfireDashboardPage();

app.MapAccountEndpoints();
app.MapExperimentsApi().RequireOwnerToChange();
app.MapGenotypesApi().RequireMemberToChange();
app.MapCompareApi().RequireMemberToChange();
app.MapRunnersApi().RequireMemberToChange();
app.MapArchitecturesApi().RequireMemberToChange();
app.MapDatasetsApi();
app.MapExperimentHub();
app.MapDashboard();

app.PrintUrlOnStart();
app.Run();

public partial class Program;
