using PcDarts.Core.Metrics;

namespace PcDarts.Persistence.Entities;

/// <summary>
/// One finished epoch's metrics, stored as Core's <see cref="EpochMetrics"/> (a complex property: one column per field).
/// The key (experiment, epoch) is what stops an epoch being written twice.
/// </summary>
public sealed class EpochRecord
{
    public Guid ExperimentId { get; set; }
    /// <summary>The key's copy of <see cref="EpochMetrics.Epoch"/>; both are the one column "Epoch".</summary>
    public int Epoch { get; set; }
    public required EpochMetrics Metrics { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static EpochRecord From(Guid experimentId, EpochMetrics metrics, DateTimeOffset at) =>
        new() { ExperimentId = experimentId, Epoch = metrics.Epoch, Metrics = metrics, RecordedAt = at };
}
