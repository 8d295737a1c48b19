namespace PcDarts.Core.Metrics;

/// <summary>
/// What one finished epoch measured: one line of metrics.jsonl, one database row, one live event.
/// "Valid" is the held-out split: the architecture half of the training set in a search, the test set in a retrain.
/// Accuracies (Top1, Top5) are percentages, 0–100, as the papers report them.
/// </summary>
public sealed record EpochMetrics
{
    /// <summary>1-based: the first epoch is epoch 1.</summary>
    public required int Epoch { get; init; }
    public required double TrainLoss { get; init; }
    public required double TrainTop1 { get; init; }
    public double? ValidLoss { get; init; }
    public double? ValidTop1 { get; init; }
    public double? ValidTop5 { get; init; }
    public required double LearningRate { get; init; }
    public required double Seconds { get; init; }
    public required double ImagesPerSecond { get; init; }
    /// <summary>Peak resident memory of the process so far (VmHWM).</summary>
    public required long PeakProcessBytes { get; init; }
    /// <summary>
    /// Resident memory the process held when the run began, before it loaded data or built a network: the host's own
    /// share of <see cref="PeakProcessBytes"/> (a runner's runtime, or the whole API around an in-process runner).
    /// Null for runs recorded before it was measured.
    /// </summary>
    public long? HostProcessBytes { get; init; }
    /// <summary>Peak memory the CUDA caching allocator held, when on GPU.</summary>
    public long? PeakCudaBytes { get; init; }
    /// <summary>Whether α/β were updated this epoch (false during the warm-up).</summary>
    public bool? ArchitectureUpdated { get; init; }
    /// <summary>Drop-path probability used this epoch (retrain).</summary>
    public double? DropPathProbability { get; init; }
}
