using PcDarts.Core.Contracts;

namespace PcDarts.Core.Estimates;

/// <summary>
/// The model's starting coefficients, before any past run calibrates them. Search: least squares on
/// <c>pcdarts-runner bench --threads 1</c> (C ∈ {8, 16}, 5 or 8 cells, batch 16 or 32, K ∈ {1, 2, 4}) on a shared
/// 2-core CPU node; memory fitted within 8 %, time within 50 % (the machine was busy). Retrain: the same rates per
/// operation (a search step is two passes over eight operations per edge; a found cell runs one operation per input),
/// until the first retrains calibrate them. Activations take the same bytes on a GPU, whose base is the CUDA context
/// instead of the runtime; a GPU is assumed 30× faster until its own runs say how fast it is (<see cref="CostModel"/>
/// calibrates per kind of device).
/// </summary>
public static class CostPriors
{
    private const double Mib = 1 << 20;
    private const double GpuSpeedup = 30;

    public static CostCoefficients Search { get; } = new(
        BaseBytes: 277 * Mib, BytesPerPartialUnit: 117.7, BytesPerFullUnit: 4.67,
        BaseStepSeconds: 0, SecondsPerConvUnit: 7.77e-8, SecondsPerFullUnit: 5.08e-7);

    public static CostCoefficients Retrain { get; } = new(
        BaseBytes: 277 * Mib, BytesPerPartialUnit: 0, BytesPerFullUnit: 32,
        BaseStepSeconds: 0, SecondsPerConvUnit: 1.3e-8, SecondsPerFullUnit: 3.2e-8);

    /// <summary>The CUDA context and cuDNN workspaces, where a CPU node has the .NET runtime and libtorch.</summary>
    private const double CudaBaseBytes = 600 * Mib;

    public static CostCoefficients For(string kind, string deviceKind)
    {
        var cpu = kind == ExperimentKinds.Retrain ? Retrain : Search;
        return deviceKind != DeviceKinds.Cuda ? cpu : cpu with
        {
            BaseBytes = CudaBaseBytes,
            BaseStepSeconds = cpu.BaseStepSeconds / GpuSpeedup,
            SecondsPerConvUnit = cpu.SecondsPerConvUnit / GpuSpeedup,
            SecondsPerFullUnit = cpu.SecondsPerFullUnit / GpuSpeedup,
        };
    }
}
