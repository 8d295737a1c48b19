namespace PcDarts.Core.Estimates;

/// <summary>
/// The host's share of a CPU run's peak memory. The priors (<see cref="CostPriors"/>) were measured on standalone
/// `pcdarts-runner search` processes, which held <see cref="StandaloneBytes"/> before their run began; a run hosted by
/// a bigger process (the API with its in-process runner) starts higher by the difference. Each epoch records what its
/// process held at the start (<see cref="Metrics.EpochMetrics.HostProcessBytes"/>), so a measured peak can be put in
/// standalone terms to calibrate the model, and an estimate moved onto the host a run actually had.
/// A GPU's peak is the device's alone and is never adjusted.
/// </summary>
public static class HostBaseline
{
    /// <summary>
    /// Resident memory of `pcdarts-runner search` when its run begins (.NET runtime and libtorch loaded, no data yet),
    /// on the 2-core CPU node the priors were fitted on: `hostProcessBytes` of `pcdarts-runner search --preset quick
    /// --epochs 1 --subset 128` was 149.8 MB in each of four Release runs (Fashion-MNIST and synthetic).
    /// </summary>
    public const long StandaloneBytes = 143L << 20;

    /// <summary>A measured peak as a standalone runner would have measured it; unchanged when the host was not measured.</summary>
    public static long ToStandalone(long peakBytes, long? hostBytes) =>
        hostBytes is { } host ? Math.Max(1, peakBytes - host + StandaloneBytes) : peakBytes;

    /// <summary>An epoch's peak in standalone terms: the GPU's as it is, else the process's less its host's share.</summary>
    public static long StandalonePeak(Metrics.EpochMetrics epoch) =>
        epoch.PeakCudaBytes ?? ToStandalone(epoch.PeakProcessBytes, epoch.HostProcessBytes);

    /// <summary>A standalone estimate moved onto a host that held <paramref name="hostBytes"/> before its run began.</summary>
    public static long OnHost(long standalonePeakBytes, long? hostBytes) =>
        hostBytes is { } host ? Math.Max(1, standalonePeakBytes - StandaloneBytes + host) : standalonePeakBytes;
}
