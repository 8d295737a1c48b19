namespace PcDarts.Core.Contracts;

/// <summary>
/// What a spec should cost before it is submitted (<c>POST /api/experiments/search?dryRun=true</c>): per device among the
/// live runners of its queue, or per kind of device when none is live. <paramref name="Warning"/> says when no runner
/// has the memory, or no runner serves the queue.
/// </summary>
public sealed record CostEstimateDto(string Kind, string Queue, int StepsPerEpoch, IReadOnlyList<DeviceEstimateDto> Devices, string? Warning);

/// <param name="Device">The device in words, as the runners report it (or "any CPU runner" without one).</param>
/// <param name="Runners">The live runners with this device on the queue (empty when none is live).</param>
/// <param name="EpochSeconds">One epoch after the warm-up (a search then takes an architecture step per weight step).</param>
/// <param name="Fits">Whether <paramref name="PeakBytes"/> fits in <paramref name="DeviceMemoryBytes"/> (true when unknown).</param>
/// <param name="CalibrationEpochs">Past runs on this kind of device that scaled the estimate; 0 means the built-in prior alone.</param>
public sealed record DeviceEstimateDto(
    string Device, string DeviceKind, string[] Runners, long? DeviceMemoryBytes, long PeakBytes, double EpochSeconds, bool Fits, int CalibrationEpochs);

/// <summary>
/// The estimate beside what the run measured (<c>GET /api/experiments/{id}/cost</c>), so users learn how far to trust it.
/// The estimate is calibrated by other experiments only, never by this one's own epochs.
/// </summary>
/// <param name="MeasuredEpochSeconds">Median epoch time after the warm-up; null before such an epoch finished.</param>
/// <param name="MeasuredPeakBytes">Largest epoch peak (GPU on CUDA, else process resident set).</param>
/// <param name="HostBytes">On a CPU, what the process held before the run began; the estimate counts it, as the
/// measured peak does. Null on a GPU and for runs recorded before it was measured (the estimate is then a standalone runner's).</param>
public sealed record CostComparisonDto(
    Guid ExperimentId, string DeviceKind, long EstimatedPeakBytes, double EstimatedEpochSeconds, int CalibrationEpochs,
    long? MeasuredPeakBytes, double? MeasuredEpochSeconds, int MeasuredEpochs, long? HostBytes = null);
