using PcDarts.Core.Contracts;

namespace PcDarts.Core.Estimates;

/// <summary>
/// The model's starting coefficients, before any past run calibrates them, measured on a quiet 2-core CPU node with two
/// torch threads. Search: least squares on relative error over `pcdarts-runner search` epochs (synthetic 32×32 data, 8
/// weight steps an epoch, α updated every step, median of epochs 2–3, peak resident memory) of nine sizes —
/// C/cells/K/batch 8/8/4/32, 12/5/2/16, 16/5/1/16, 16/8/8/32, 8/5/1/32, 8/5/4/32, 4/5/2/16, 8/5/8/16, 8/8/2/16 — which
/// it fits within 20 % (time) and 4 % (memory); `pcdarts-runner bench --estimate` checks it on five other sizes
/// (README, "Benchmarks"). Each edge costs a fixed ~14 ms a step whatever its size (dispatch and the level's small
/// ops), which dominates small networks.
/// Retrain: the same rates per operation (a search step is two passes over eight operations per edge; a found cell
/// runs one operation per input) until the first retrains calibrate them. Activations take the same bytes on a GPU,
/// whose base is the CUDA context instead of the runtime; a GPU is assumed 30× faster until its own runs say how fast
/// it is (<see cref="CostModel"/> calibrates per kind of device).
/// </summary>
public static class CostPriors
{
    private const double Mib = 1 << 20;
    private const double GpuSpeedup = 30;

    public static CostCoefficients Search { get; } = new(
        BaseBytes: 313 * Mib, BytesPerPartialUnit: 90.1, BytesPerFullUnit: 9.70,
        SecondsPerOperation: 0.0135, SecondsPerPartialUnit: 2.05e-7, SecondsPerFullUnit: 2.12e-8);

    public static CostCoefficients Retrain { get; } = new(
        BaseBytes: 313 * Mib, BytesPerPartialUnit: 0, BytesPerFullUnit: 32,
        SecondsPerOperation: 0.001, SecondsPerPartialUnit: 0, SecondsPerFullUnit: 1.5e-7);

    /// <summary>The CUDA context and cuDNN workspaces, where a CPU node has the .NET runtime and libtorch.</summary>
    private const double CudaBaseBytes = 600 * Mib;

    public static CostCoefficients For(string kind, string deviceKind)
    {
        var cpu = kind == ExperimentKinds.Retrain ? Retrain : Search;
        return deviceKind != DeviceKinds.Cuda ? cpu : cpu with
        {
            BaseBytes = CudaBaseBytes,
            SecondsPerOperation = cpu.SecondsPerOperation / GpuSpeedup,
            SecondsPerPartialUnit = cpu.SecondsPerPartialUnit / GpuSpeedup,
            SecondsPerFullUnit = cpu.SecondsPerFullUnit / GpuSpeedup,
        };
    }
}
