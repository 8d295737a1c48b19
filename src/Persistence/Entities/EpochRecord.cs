using PcDarts.Core.Metrics;

namespace PcDarts.Persistence.Entities;

/// <summary>One finished epoch's metrics; the key (experiment, epoch) is what stops an epoch being written twice.</summary>
public sealed class EpochRecord
{
    public Guid ExperimentId { get; set; }
    public int Epoch { get; set; }
    public double TrainLoss { get; set; }
    public double TrainTop1 { get; set; }
    public double? ValidLoss { get; set; }
    public double? ValidTop1 { get; set; }
    public double? ValidTop5 { get; set; }
    public double LearningRate { get; set; }
    public double Seconds { get; set; }
    public double ImagesPerSecond { get; set; }
    public long PeakProcessBytes { get; set; }
    public long? PeakCudaBytes { get; set; }
    public bool? ArchitectureUpdated { get; set; }
    public double? DropPathProbability { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static EpochRecord From(Guid experimentId, EpochMetrics m, DateTimeOffset at) => new()
    {
        ExperimentId = experimentId,
        Epoch = m.Epoch,
        TrainLoss = m.TrainLoss,
        TrainTop1 = m.TrainTop1,
        ValidLoss = m.ValidLoss,
        ValidTop1 = m.ValidTop1,
        ValidTop5 = m.ValidTop5,
        LearningRate = m.LearningRate,
        Seconds = m.Seconds,
        ImagesPerSecond = m.ImagesPerSecond,
        PeakProcessBytes = m.PeakProcessBytes,
        PeakCudaBytes = m.PeakCudaBytes,
        ArchitectureUpdated = m.ArchitectureUpdated,
        DropPathProbability = m.DropPathProbability,
        RecordedAt = at,
    };

    public EpochMetrics ToMetrics() => new()
    {
        Epoch = Epoch,
        TrainLoss = TrainLoss,
        TrainTop1 = TrainTop1,
        ValidLoss = ValidLoss,
        ValidTop1 = ValidTop1,
        ValidTop5 = ValidTop5,
        LearningRate = LearningRate,
        Seconds = Seconds,
        ImagesPerSecond = ImagesPerSecond,
        PeakProcessBytes = PeakProcessBytes,
        PeakCudaBytes = PeakCudaBytes,
        ArchitectureUpdated = ArchitectureUpdated,
        DropPathProbability = DropPathProbability,
    };
}
