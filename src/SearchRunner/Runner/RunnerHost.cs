using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Persistence;
using TorchSharp;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A runner node: a Hangfire server on the given queues, one worker per device, with its own storage, DI container
/// and heartbeat into the runners table. `pcdarts runner` and the API's embedded runner both run this.
/// </summary>
public static class RunnerHost
{
    public static async Task RunAsync(RunnerOptions options, CancellationToken cancellationToken, ILoggerFactory? loggers = null)
    {
        await using var services = BuildServices(options, loggers);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunnerHost));
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

        JobRetryPolicy.Apply();
        var storage = CreateStorage(options);
        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = options.Name,
            Queues = options.Queues.ToArray(),
            WorkerCount = options.Workers,
            // A deleted (cancelled) job's token fires within this interval (default 5 s).
            CancellationCheckInterval = TimeSpan.FromSeconds(1),
            Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        };

        var heartbeat = services.GetRequiredService<RunnerHeartbeat>();
        await heartbeat.BeatAsync(cancellationToken);
        using (var server = new BackgroundJobServer(serverOptions, storage))
        {
            logger.LogInformation("Runner {Name} serving queues {Queues} with {Workers} worker(s) on {Device}",
                options.Name, string.Join(",", options.Queues), options.Workers, heartbeat.Device);
            try
            {
                using var timer = new PeriodicTimer(options.HeartbeatInterval);
                while (await timer.WaitForNextTickAsync(cancellationToken)) await heartbeat.BeatAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
            // Graceful stop: running jobs see their token fire and go back to the queue (docs/stack.md, Hangfire).
            server.SendStop();
            await server.WaitForShutdownAsync(CancellationToken.None);
        }
        await heartbeat.LeaveAsync();
        logger.LogInformation("Runner {Name} stopped", options.Name);
    }

    internal static PostgreSqlStorage CreateStorage(RunnerOptions options)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString, storageOptions), storageOptions);
    }

    private static ServiceProvider BuildServices(RunnerOptions options, ILoggerFactory? loggers)
    {
        var services = new ServiceCollection();
        if (loggers is not null) services.AddSingleton(loggers);
        services.AddLogging(b => { if (loggers is null) b.AddSimpleConsole(o => o.SingleLine = true); });
        services.AddSingleton(TimeProvider.System);
        services.AddPcDartsPersistence(options.ConnectionString);
        services.AddSingleton(new RunnerIdentity(options.Name));
        services.AddSingleton(sp => new RunnerHeartbeat(options, DescribeDevice(), sp.GetRequiredService<RunnerIdentity>(),
            sp.GetRequiredService<IDbContextFactory<PcDartsDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IExperimentJob, ExperimentJob>();
        return services.BuildServiceProvider();
    }

    private static string DescribeDevice() =>
        torch.cuda.is_available() ? $"cuda ({torch.cuda.device_count()} GPU)" : $"cpu ({Environment.ProcessorCount} cores)";
}
