using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.SearchRunner.Runner;
using PcDarts.Core.Deployment;
using PcDarts.Core.Jobs;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner run`: join the platform's queue as a worker node until Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var queues = CliOption.Text("--queues", "the Hangfire queues to take experiments from (default cpu)", "cpu|gpu|cpu,gpu");
        var name = CliOption.Text("--name", "how this runner is listed (default HOST-PID)", "NAME");
        var workers = CliOption.Int("--workers", "experiments run at once (default 1)");
        var invisibility = CliOption.Int("--invisibility-timeout",
            "after this long without a heartbeat a dead runner's job is resumed by another runner (default 60)", "SECONDS");
        var metricsPort = CliOption.Int("--metrics-port", "serve the run meters for Prometheus at http://*:PORT/metrics (default: none)", "PORT");
        var command = new Command("run",
            "join the platform's queue as a worker node: needs ConnectionStrings__Postgres (the platform's database); " +
            "runs queued experiments, one per worker, and heartbeats into the runners table. In a container the flags can " +
            "come from PcDarts__Runner__Queues, __Workers and __Name; PcDarts__DataRoot holds the data sets " +
            "(DATAROOT/fashion-mnist, DATAROOT/cifar10) and PcDarts__Runner__LivenessFile is touched while the node runs")
        {
            queues, name, workers, invisibility, metricsPort,
        };
        command.SetAction(r => Run(r.GetValue(queues), r.GetValue(name), r.GetValue(workers), r.GetValue(invisibility), r.GetValue(metricsPort)));
        return command;
    }

    private static int Run(string? queueList, string? name, int? workerCount, int? invisibilitySeconds, int? metricsPort)
    {
        var connectionString = Setting(SettingNames.ConnectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new CliUsageException($"set {SettingNames.EnvironmentVariable(SettingNames.ConnectionString)} to the platform's PostgreSQL connection string");
        queueList ??= Setting(SettingNames.RunnerQueues);
        name ??= Setting(SettingNames.RunnerName);
        if (workerCount is null && Setting(SettingNames.RunnerWorkers) is { } workersText)
            workerCount = int.TryParse(workersText, out var parsed) ? parsed
                : throw new CliUsageException($"{SettingNames.EnvironmentVariable(SettingNames.RunnerWorkers)}: expected a number, got '{workersText}'");
        var queues = (queueList ?? JobQueues.Cpu).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (queues.Length == 0 || queues.Any(q => !JobQueues.All.Contains(q)))
            throw new CliUsageException($"--queues: expected cpu, gpu or cpu,gpu, got '{queueList}'");
        var workers = workerCount ?? 1;
        if (workers is < 1 or > 64) throw new CliUsageException($"--workers: must be between 1 and 64, got {workers}");
        if (metricsPort is < 1 or > 65535) throw new CliUsageException($"--metrics-port: must be between 1 and 65535, got {metricsPort}");
        var options = new RunnerOptions(queues, name ?? $"{Environment.MachineName}-{Environment.ProcessId}", workers, connectionString)
        {
            DataRoot = Setting(SettingNames.DataRoot),
            LivenessFile = Setting(SettingNames.RunnerLivenessFile),
            MetricsPort = metricsPort,
        };
        if (invisibilitySeconds is { } seconds)
            options = options with { InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(seconds, 5)) };

        // The Generic Host stops on Ctrl+C and SIGTERM, handing running jobs back to the queue.
        RunnerHost.RunAsync(options, CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The node's settings come from its environment, as a container sets them; empty counts as unset.</summary>
    private static string? Setting(string key) =>
        Environment.GetEnvironmentVariable(SettingNames.EnvironmentVariable(key)) is { Length: > 0 } value ? value : null;
}
