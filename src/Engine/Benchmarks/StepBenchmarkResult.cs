namespace PcDarts.Engine.Benchmarks;

/// <summary>What a step benchmark measured: step times after warm-up and the step loop's peak memory.</summary>
/// <param name="Device">Where the steps ran, e.g. "cpu (2 threads)".</param>
/// <param name="StepMilliseconds">Each timed step, in order.</param>
/// <param name="PeakProcessBytes">Peak resident memory during the step loop (VmHWM reset before it).</param>
/// <param name="PeakCudaBytes">Peak device memory (NVML) on a GPU, else null.</param>
/// <param name="ResidentBytesAfterStep">Resident memory after the requested steps (1-based), to check a long run stays flat.</param>
public sealed record StepBenchmarkResult(
    string Device, int BatchSize, IReadOnlyList<double> StepMilliseconds, long PeakProcessBytes, long? PeakCudaBytes,
    long WeightParameters, IReadOnlyDictionary<int, long> ResidentBytesAfterStep)
{
    public double MedianStepMs
    {
        get
        {
            var sorted = StepMilliseconds.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double MinStepMs => StepMilliseconds.Min();

    public double MaxStepMs => StepMilliseconds.Max();

    public double ImagesPerSecond => BatchSize * 1000 / MedianStepMs;
}
