namespace PcDarts.Persistence.Entities;

/// <summary>A runner node as it last reported itself; a heartbeat older than a few intervals means it is gone.</summary>
public sealed class Runner
{
    public required string Name { get; set; }
    public required string Host { get; set; }
    /// <summary>The device in words, e.g. "NVIDIA H200, 139.8 GiB" or "CPU, 16 cores, 125.6 GiB RAM".</summary>
    public required string Device { get; set; }
    /// <summary>"cuda" or "cpu" (Core's DeviceKinds); null in rows written before runners reported it.</summary>
    public string? DeviceKind { get; set; }
    /// <summary>Memory a run can use on the device: the GPU's, else the RAM the process may take.</summary>
    public long? DeviceMemoryBytes { get; set; }
    public string[] Queues { get; set; } = [];
    public int Workers { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
    public Guid? CurrentExperimentId { get; set; }
    /// <summary>The registered data sets whose folders this runner could read when it last checked.</summary>
    public string[] ReadableDatasets { get; set; } = [];
}
