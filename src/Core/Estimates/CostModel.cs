namespace PcDarts.Core.Estimates;

/// <summary>An epoch a past run measured, with the shape of the spec that ran it.</summary>
/// <param name="Seconds">Wall time of a full epoch (after the warm-up, for a search).</param>
/// <param name="PeakBytes">The epoch's peak: the GPU's on CUDA, the process's resident set on a CPU.</param>
public sealed record MeasuredEpoch(StepShape Shape, double Seconds, long PeakBytes);

/// <summary>What a spec should cost on one kind of device; <see cref="CalibrationEpochs"/> past epochs scaled the prior (0: the prior alone).</summary>
public sealed record CostEstimate(long PeakBytes, double EpochSeconds, int CalibrationEpochs);

/// <summary>
/// Estimates a spec's peak memory and epoch time: the linear prior (<see cref="CostPriors"/>, measured with
/// <c>pcdarts-runner bench</c>) times the median ratio measured ÷ prior over past epochs on the same kind of device and
/// network, so the estimate learns a machine's speed from the runs it has finished.
/// </summary>
public static class CostModel
{
    /// <summary>How far past runs may move the prior: beyond this the shape, not the machine, is what differs.</summary>
    private const double MaxScale = 20;

    /// <summary>The newest epochs are what calibration uses; older hardware or code may have been slower.</summary>
    public const int CalibrationWindow = 50;

    public static CostEstimate Estimate(StepShape shape, CostCoefficients prior, IReadOnlyCollection<MeasuredEpoch> past)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(past);
        var usable = past.Where(p => p.Shape.Kind == shape.Kind && p.Seconds > 0 && p.PeakBytes > 0).Take(CalibrationWindow).ToList();
        var timeScale = Scale(usable.Select(p => p.Seconds / prior.EpochSeconds(p.Shape)));
        var memoryScale = Scale(usable.Select(p => p.PeakBytes / (double)prior.PeakBytes(p.Shape)));
        return new CostEstimate((long)(prior.PeakBytes(shape) * memoryScale), prior.EpochSeconds(shape) * timeScale, usable.Count);
    }

    /// <summary>The median ratio (robust to one epoch slowed by a busy machine), 1 without any.</summary>
    private static double Scale(IEnumerable<double> ratios)
    {
        var sorted = ratios.Where(r => double.IsFinite(r) && r > 0).Order().ToArray();
        if (sorted.Length == 0) return 1;
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return Math.Clamp(median, 1 / MaxScale, MaxScale);
    }
}
