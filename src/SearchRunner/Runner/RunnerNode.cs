using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Persistence;
using TorchSharp;

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
        services.AddSingleton(sp => new RunnerHeartbeat(options, DescribeDevice(), sp.GetRequiredService<RunnerIdentity>(),
            sp.GetRequiredService<IDbContextFactory<PcDartsDbContext>>(), sp.GetRequiredService<TimeProvider>()));
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

    private static string DescribeDevice() =>
        torch.cuda.is_available() ? $"cuda ({torch.cuda.device_count()} GPU)" : $"cpu ({Environment.ProcessorCount} cores)";

    /// <summary>Joins (retry policy, first heartbeat), keeps the heartbeat going, and leaves the runners table on a graceful stop.</summary>
    private sealed class NodeLifetime(RunnerHeartbeat heartbeat, RunnerOptions options, ILogger<NodeLifetime> logger) : BackgroundService
    {
        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            // Hangfire's filters are process-wide and log through the running host's provider: set them once this host runs.
            JobRetryPolicy.Apply();
            await heartbeat.BeatAsync(cancellationToken);
            logger.LogInformation("Runner {Name} serving queues {Queues} with {Workers} worker(s) on {Device}",
                options.Name, string.Join(",", options.Queues), options.Workers, heartbeat.Device);
            await base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                using var timer = new PeriodicTimer(options.HeartbeatInterval);
                while (await timer.WaitForNextTickAsync(stoppingToken)) await heartbeat.BeatAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken);
            await heartbeat.LeaveAsync();
            logger.LogInformation("Runner {Name} stopped", options.Name);
        }
    }
}
