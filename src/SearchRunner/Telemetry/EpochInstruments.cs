using System.Diagnostics.Metrics;
using PcDarts.Core.Metrics;

namespace PcDarts.SearchRunner.Telemetry;

/// <summary>
/// The run meters, recorded once per finished epoch: epochs completed, step time, images/s and the epoch's peak
/// memory. A runner records the epochs it runs (<see cref="PlatformTelemetry.RunnerMeter"/>); the API records every
/// epoch the platform relays (its own meter), so both scrape endpoints show them under their own prefix.
/// </summary>
public sealed class EpochInstruments
{
    private readonly Counter<long> _epochs;
    private readonly Histogram<double> _stepSeconds;
    private readonly Histogram<double> _epochSeconds;
    private readonly Histogram<double> _imagesPerSecond;
    private readonly Histogram<long> _peakBytes;

    public EpochInstruments(Meter meter, string prefix)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _epochs = meter.CreateCounter<long>($"{prefix}.epochs.completed", "{epoch}", "Epochs finished and recorded");
        _stepSeconds = meter.CreateHistogram<double>($"{prefix}.epoch.step_time", "s", "Mean time of one training step in the epoch");
        _epochSeconds = meter.CreateHistogram<double>($"{prefix}.epoch.duration", "s", "Wall time of one epoch");
        _imagesPerSecond = meter.CreateHistogram<double>($"{prefix}.epoch.images_per_second", "{image}/s", "Training throughput of one epoch");
        _peakBytes = meter.CreateHistogram<long>($"{prefix}.epoch.peak_memory", "By", "Peak memory of one epoch: the GPU's on CUDA, else the process's resident set");
    }

    /// <param name="kind">search or retrain; null where the caller does not know (a relayed event).</param>
    /// <param name="batchSize">The spec's batch, when known: step time is a batch over the throughput.</param>
    public void Record(EpochMetrics epoch, string? kind, int? batchSize)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        var tag = new KeyValuePair<string, object?>("kind", kind ?? "any");
        _epochs.Add(1, tag);
        _epochSeconds.Record(epoch.Seconds, tag);
        _imagesPerSecond.Record(epoch.ImagesPerSecond, tag);
        _peakBytes.Record(epoch.PeakCudaBytes ?? epoch.PeakProcessBytes, tag);
        if (batchSize is { } batch && epoch.ImagesPerSecond > 0) _stepSeconds.Record(batch / epoch.ImagesPerSecond, tag);
    }
}
