using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PcDarts.Api.Auth;
using PcDarts.Core.Deployment;
using PcDarts.Api.Dashboard;
using PcDarts.Api.Embedded;
using PcDarts.Api.Experiments;
using PcDarts.Api.Live;
using PcDarts.Api.Recovery;
using PcDarts.Api.Studies;
using PcDarts.Api.Telemetry;
using PcDarts.Persistence;
using PcDarts.SearchRunner.Runner;
using Scalar.AspNetCore;

namespace PcDarts.Api.Infrastructure;

internal static class Extensions
{
    /// <summary>Everything the API host needs; with no ConnectionStrings:Postgres, the embedded default.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(SettingNames.Platform).Get<PlatformOptions>() ?? new PlatformOptions();
        services.AddOptions<PlatformOptions>().BindConfiguration(SettingNames.Platform);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration("PcDarts:Limits");
        services.AddSingleton<RequestLimits>();

        var connectionString = builder.Configuration.GetConnectionString(SettingNames.ConnectionStringName);
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        // First, so that its hosted service starts before and stops after everything that uses the database.
        if (embedded) connectionString = builder.AddLocalPostgres(options);
        var runner = (options.EmbeddedRunner ?? embedded) ? EmbeddedDefault.EmbeddedRunnerOptions(options, connectionString!) : null;

        services.AddPcDartsPersistence(connectionString!);
        // The embedded default's private cluster is the host's own: it always migrates it.
        services.AddPlatformDatabase(connectionString!, runner, migrate: embedded || options.MigrateAtStart);
        services.AddSingleton<ExperimentSubmission>();
        services.AddStudies();
        services.AddSingleton<PcDarts.Api.Estimates.CostEstimator>();
        builder.AddPlatformAuth(embedded ? EmbeddedDefault.DataRoot(builder.Environment.ContentRootPath, options.DataFolder) : null);
        services.AddRecovery(connectionString!);
        if (options.WelcomeSearch ?? embedded) services.AddWelcomeSearch();
        services.AddLiveEvents(connectionString!);
        if (runner is not null) services.AddRunnerNode(runner);

        services.ConfigureHttpJsonOptions(o =>
        {
            // A misspelled spec field is an error, not a silently ignored option.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        // Let binding failures reach the exception handler, which names the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        builder.AddDashboard();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.AddApiTelemetry();
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and its interactive page at /scalar (assets served from the package, no CDN).</summary>
    public static void MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("PcDarts API"));
    }

    /// <summary>
    /// Liveness (the process answers) and readiness (the database answers and has every migration), anonymous, for
    /// load balancers and orchestrators (docker/compose.yaml, docker/k8s).
    /// </summary>
    public static void MapPlatformHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(HealthPaths.Live, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(HealthPaths.Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    /// <summary>Hangfire's dashboard at /hangfire, for admins signed in to the dashboard.</summary>
    public static void MapHangfireDashboardPage(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "PcDarts jobs", Authorization = [new AdminOnlyDashboardFilter()] });

    public static void PrintUrlOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                Console.WriteLine($"PcDarts dashboard on {address}  (API reference: {address}/scalar, jobs: {address}/hangfire)");
        });
}
