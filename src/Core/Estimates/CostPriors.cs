using PcDarts.Core.Contracts;

namespace PcDarts.Core.Estimates;

/// <summary>
/// The model's starting coefficients, before any past run calibrates them, measured on a shared 2-core CPU node with
/// one torch thread. Search memory: least squares on <c>pcdarts-runner bench</c> peaks (C ∈ {8, 16}, 5 or 8 cells,
/// batch 16 or 32, K ∈ {1, 2, 4}), within 8 %. Search time: `pcdarts-runner search` epochs of C ∈ {4, 8}, K ∈ {2, 4}
/// (the machine was too busy for the bench's larger sizes to time alike); small networks are dominated by a fixed
/// cost per edge. Retrain: the same rates per operation (a search step is two passes over eight operations per edge;
/// a found cell runs one operation per input) until the first retrains calibrate them. Activations take the same
/// bytes on a GPU, whose base is the CUDA context instead of the runtime; a GPU is assumed 30× faster until its own
/// runs say how fast it is (<see cref="CostModel"/> calibrates per kind of device).
/// </summary>
public static class CostPriors
{
    private const double Mib = 1 << 20;
    private const double GpuSpeedup = 30;

    public static CostCoefficients Search { get; } = new(
        BaseBytes: 277 * Mib, BytesPerPartialUnit: 117.7, BytesPerFullUnit: 4.67,
        SecondsPerOperation: 0.015, SecondsPerPartialUnit: 2.43e-6, SecondsPerFullUnit: 0);

    public static CostCoefficients Retrain { get; } = new(
        BaseBytes: 277 * Mib, BytesPerPartialUnit: 0, BytesPerFullUnit: 32,
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
