using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PcDarts.Api.Dashboard;
using PcDarts.Api.Live;
using PcDarts.Persistence;
using PcDarts.Persistence.Local;
using Scalar.AspNetCore;

namespace PcDarts.Api.Infrastructure;

internal static class Extensions
{
    /// <summary>Everything the API host needs; with no ConnectionStrings:Postgres, the embedded default.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("PcDarts").Get<PlatformOptions>() ?? new PlatformOptions();
        services.AddOptions<PlatformOptions>().BindConfiguration("PcDarts");
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration("PcDarts:Limits");
        services.AddSingleton<RequestLimits>();

        var connectionString = builder.Configuration.GetConnectionString("Postgres");
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        if (embedded)
        {
            // Registered before anything that uses the database, so it is stopped after all of them.
            var folder = Path.Combine(DataRoot(builder.Environment.ContentRootPath, options.DataFolder), "postgres");
            var local = LocalPostgres.StartAsync(new LocalPostgresOptions { Folder = folder }).GetAwaiter().GetResult();
            services.AddHostedService(sp => new LocalPostgresLifetime(local, sp.GetRequiredService<IHostApplicationLifetime>()));
            connectionString = local.ConnectionString;
            builder.Configuration["ConnectionStrings:Postgres"] = connectionString;
        }

        services.AddPcDartsPersistence(connectionString!);
        services.AddHostedService<MigrateOnStart>();
        if (options.WelcomeSearch ?? embedded)
            services.AddHostedService<WelcomeSearch>();
        services.AddLiveEvents(connectionString!);

        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true }));

        if (options.EmbeddedRunner ?? embedded)
            services.AddHostedService(sp => new EmbeddedRunner(
                new SearchRunner.Runner.RunnerOptions(options.EmbeddedRunnerQueues, $"embedded-{Environment.MachineName}", options.EmbeddedRunnerWorkers, connectionString!),
                sp.GetRequiredService<ILoggerFactory>()));

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
        services.AddOpenApi();
        builder.AddDashboard();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
    }

    /// <summary>
    /// A relative data folder is taken from the repository root when the app runs from a clone (`dotnet run` starts
    /// in src/Api), so the cluster lands in the git-ignored /.pcdarts; elsewhere from the content root.
    /// </summary>
    private static string DataRoot(string contentRoot, string folder)
    {
        if (Path.IsPathRooted(folder)) return folder;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln"))) return Path.Combine(dir.FullName, folder);
        return Path.Combine(contentRoot, folder);
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and its interactive page at /scalar (assets served from the package, no CDN).</summary>
    public static void MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("PcDarts API"));
    }

    public static void MapPlatformHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }

    /// <summary>Hangfire's dashboard at /hangfire (local requests only until auth arrives).</summary>
    public static void MapHangfireDashboardPage(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "PcDarts jobs" });

    public static void PrintUrlOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                Console.WriteLine($"PcDarts dashboard on {address}  (API reference: {address}/scalar, jobs: {address}/hangfire)");
        });
}

/// <summary>Applies migrations before the host starts serving.</summary>
internal sealed class MigrateOnStart(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Stops the embedded default's PostgreSQL once the host has stopped: after the server, the dashboard's circuits,
/// the live listener and the runner (which puts its job back on the queue) are done with it.
/// </summary>
internal sealed class LocalPostgresLifetime(LocalPostgres postgres, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() => postgres.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The embedded default's in-process runner: the same RunnerHost that `pcdarts runner` runs.</summary>
internal sealed class EmbeddedRunner(SearchRunner.Runner.RunnerOptions options, ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SearchRunner.Runner.RunnerHost.RunAsync(options, stoppingToken, loggers);
}
