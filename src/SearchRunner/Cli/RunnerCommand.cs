using PcDarts.SearchRunner.Runner;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts runner`: join the platform's queue as a worker node until Ctrl+C or SIGTERM.</summary>
internal static class RunnerCommand
{
    public const string Usage = """
        pcdarts runner [--queues cpu,gpu] [--name NAME] [--workers N] [--invisibility-timeout SECONDS]

          Needs ConnectionStrings__Postgres (the platform's database). Runs queued experiments, one per worker,
          and heartbeats into the runners table. Defaults: --queues cpu, --name HOST-PID, --workers 1.
          A job whose runner dies is resumed by another runner after the invisibility timeout (default 60 s).
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("runner", rawArgs, ["--queues", "--name", "--workers", "--invisibility-timeout"], []);
        args.ExpectPositionals(0, "pcdarts runner [--queues gpu] [--name N] [--workers W]");
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new CliUsageException("set ConnectionStrings__Postgres to the platform's PostgreSQL connection string");
        var queues = (args.Text("--queues") ?? "cpu").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (queues.Length == 0 || queues.Any(q => q is not ("cpu" or "gpu")))
            throw new CliUsageException($"--queues: expected cpu, gpu or cpu,gpu, got '{args.Text("--queues")}'");
        var workers = args.Int("--workers") ?? 1;
        if (workers is < 1 or > 64) throw new CliUsageException($"--workers: must be between 1 and 64, got {workers}");
        var options = new RunnerOptions(queues, args.Text("--name") ?? $"{Environment.MachineName}-{Environment.ProcessId}", workers, connectionString);
        if (args.Int("--invisibility-timeout") is { } seconds)
            options = options with { InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(seconds, 5)) };

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        RunnerHost.RunAsync(options, stop.Token).GetAwaiter().GetResult();
        return 0;
    }
}
