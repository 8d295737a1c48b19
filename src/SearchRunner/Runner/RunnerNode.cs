using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A runner node inside any host: Hangfire's server on the given queues, one worker per device, and a heartbeat into
/// the runners table. `pcdarts-runner run` (<see cref="RunnerHost"/>) and the API's embedded runner both register this.
/// Needs the platform's persistence and <see cref="HangfireSetup.AddPlatformDatabase"/> registered before it.
/// </summary>
public static class RunnerNode
{
    public static IServiceCollection AddRunnerNode(this IServiceCollection services, RunnerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new RunnerIdentity(options.Name));
        services.AddSingleton(sp => new RunnerHeartbeat(options, DeviceReport.Detect(), sp.GetRequiredService<RunnerIdentity>(),
            sp.GetRequiredService<IDbContextFactory<PcDartsDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SchemaGate>();
        services.AddSingleton(new LivenessFile(options.LivenessFile));
        services.AddScoped<IExperimentJob, ExperimentJob>();
        // Registered before the server: it starts first (the row exists when a job starts) and stops last (the row
        // goes once the server has put its running jobs back on the queue).
        services.AddHostedService<NodeLifetime>();
        services.AddHangfireServer(o =>
        {
            o.ServerName = options.Name;
            o.Queues = options.Queues.ToArray();
            o.WorkerCount = options.Workers;
            // A deleted (cancelled) job's token fires within this interval (default 5 s).
            o.CancellationCheckInterval = options.CancellationCheckInterval;
            o.ShutdownTimeout = options.ShutdownTimeout;
        });
        // Graceful stop: running jobs see their token fire and go back to the queue; give them the server's time.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = Max(o.ShutdownTimeout, options.ShutdownTimeout + TimeSpan.FromSeconds(5)));
        return services;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Joins (schema check, retry policy, first heartbeat), keeps the heartbeat going, and leaves the runners table on a
    /// graceful stop. Hangfire's server starts only once this has joined: a node on the wrong schema takes no job.
    /// A database outage is waited out: the heartbeat retries with backoff and logs once per outage, never ending the host.
    /// </summary>
    private sealed class NodeLifetime(RunnerHeartbeat heartbeat, SchemaGate schema, LivenessFile liveness, RunnerOptions options,
        TimeProvider clock, IHostApplicationLifetime host, ILogger<NodeLifetime> logger) : BackgroundService
    {
        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            await DatabaseOutage.WaitOutAsync(ct => schema.WaitUntilCurrentAsync(liveness.Touch, ct), logger, $"Runner {options.Name}: checking the schema", clock, cancellationToken);
            // Hangfire's filters are process-wide and log through the running host's provider: set them once this host runs.
            JobRetryPolicy.Apply();
            await DatabaseOutage.WaitOutAsync(heartbeat.BeatAsync, logger, $"Runner {options.Name}: joining", clock, cancellationToken);
            liveness.Touch();
            logger.LogInformation("Runner {Name} serving queues {Queues} with {Workers} worker(s) on {Device}",
                options.Name, string.Join(",", options.Queues), options.Workers, heartbeat.Device.Description);
            await base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var outage = new OutageLog(logger, $"Runner {options.Name}: heartbeat", clock);
            var delay = options.HeartbeatInterval;
            var nextSchemaCheck = clock.GetUtcNow() + options.SchemaCheckInterval;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                    liveness.Touch();
                    if (clock.GetUtcNow() >= nextSchemaCheck)
                    {
                        if (await RefusesWorkAsync(stoppingToken)) return;
                        nextSchemaCheck = clock.GetUtcNow() + options.SchemaCheckInterval;
                    }
                    await heartbeat.BeatAsync(stoppingToken);
                    outage.Succeeded();
                    delay = options.HeartbeatInterval;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
                catch (Exception e) when (TransientErrors.IsTransient(e))
                {
                    delay = Min(outage.Failed(e), options.HeartbeatInterval);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Runner {Name}: heartbeat failed", options.Name);
                    delay = options.HeartbeatInterval;
                }
            }
        }

        /// <summary>A newer release migrated the database: stop taking work; the stop hands a running job back.</summary>
        private async Task<bool> RefusesWorkAsync(CancellationToken stoppingToken)
        {
            var refusal = await schema.CheckStillCompatibleAsync(stoppingToken);
            if (refusal is null) return false;
            logger.LogError("{Refusal}; stopping", refusal);
            host.StopApplication();
            return true;
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken);
            try
            {
                await heartbeat.LeaveAsync();
            }
            catch (Exception e) when (TransientErrors.IsTransient(e))
            {
                logger.LogWarning("Runner {Name}: could not leave the runners table ({Error}); it shows offline once its heartbeat is stale", options.Name, e.Message);
            }
            logger.LogInformation("Runner {Name} stopped", options.Name);
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
