namespace PcDarts.SearchRunner.Runner;

/// <summary>How a runner node joins the queue.</summary>
/// <param name="Queues">Hangfire queues it serves, e.g. ["gpu"].</param>
/// <param name="Name">Its name in the runners table and on the Hangfire dashboard; unique per node.</param>
/// <param name="Workers">Jobs it runs at once: one per device.</param>
public sealed record RunnerOptions(IReadOnlyList<string> Queues, string Name, int Workers, string ConnectionString)
{
    /// <summary>
    /// How long a job fetched by a runner that stopped answering stays invisible before another runner takes it.
    /// Sliding: a live runner keeps extending it, so only a dead runner's job is taken over (docs/stack.md, Hangfire).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How often an idle worker looks at its queues: the pickup latency of a new job.</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan HeartbeatInterval { get; init; } = Persistence.Runs.RunnerLiveness.HeartbeatInterval;
    /// <summary>How often the heartbeat re-checks which registered data sets' folders this node can read.</summary>
    public TimeSpan DatasetCheckInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How soon a running job's token fires after the job is deleted (a cancel); Hangfire's default is 5 s.</summary>
    public TimeSpan CancellationCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a graceful stop waits for running jobs to hand their work back to the queue.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
