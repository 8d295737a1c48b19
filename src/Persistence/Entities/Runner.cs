namespace PcDarts.Persistence.Entities;

/// <summary>A runner node as it last reported itself; a heartbeat older than a few intervals means it is gone.</summary>
public sealed class Runner
{
    public required string Name { get; set; }
    public required string Host { get; set; }
    public required string Device { get; set; }
    public string[] Queues { get; set; } = [];
    public int Workers { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
    public Guid? CurrentExperimentId { get; set; }
    /// <summary>The registered data sets whose folders this runner could read when it last checked.</summary>
    public string[] ReadableDatasets { get; set; } = [];
}
