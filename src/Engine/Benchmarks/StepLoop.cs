using System.Diagnostics;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Benchmarks;

/// <summary>Times a step function the way both step benchmarks do: warm-up, then timed steps, memory alongside.</summary>
internal static class StepLoop
{
    /// <param name="step">One training step on a fresh batch; runs inside a dispose scope of its own.</param>
    public static StepBenchmarkResult Run(Action step, Device device, int warmupSteps, int steps, int batchSize,
        long weightParameters, IReadOnlyCollection<int> residentAtSteps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one timed step");
        var cuda = device.type == DeviceType.CUDA ? CudaMemoryProbe.TryCreate(device.index < 0 ? 0 : device.index) : null;
        // Start-up (loading libtorch, building the network) is not the step loop's memory.
        MemoryProbe.ResetProcessPeak();
        var times = new List<double>(steps);
        var resident = new Dictionary<int, long>();
        for (var index = 0; index < warmupSteps + steps; index++)
        {
            var clock = Stopwatch.StartNew();
            using (torch.NewDisposeScope()) step();
            if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            cuda?.Sample();
            if (index < warmupSteps) continue;
            times.Add(elapsed);
            var timed = index - warmupSteps + 1;
            if (residentAtSteps.Contains(timed)) resident[timed] = MemoryProbe.ProcessCurrentBytes();
        }
        return new StepBenchmarkResult(ComputeDevice.Describe(device), batchSize, times, MemoryProbe.ProcessPeakBytes(),
            cuda?.TakePeak(), weightParameters, resident);
    }
}
