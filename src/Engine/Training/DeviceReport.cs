using System.Globalization;
using PcDarts.Core.Contracts;
using TorchSharp;

namespace PcDarts.Engine.Training;

/// <summary>What a runner computes on, as the runners page and the cost estimate need it.</summary>
/// <param name="Kind">"cuda" or "cpu" (<see cref="DeviceKinds"/>).</param>
/// <param name="Description">"NVIDIA H200, 139.8 GiB" or "CPU, 16 cores, 125.6 GiB RAM".</param>
/// <param name="MemoryBytes">The GPU's memory, else the RAM this process may use (a container's limit included).</param>
public sealed record DeviceReport(string Kind, string Description, long MemoryBytes)
{
    /// <summary>The device <see cref="ComputeDevice.Select"/> picks: the first CUDA device (named through NVML when it loads), else the CPU.</summary>
    public static DeviceReport Detect()
    {
        if (torch.cuda.is_available())
        {
            var device = Nvml.Device(0);
            var name = (device is { } named ? Nvml.Name(named) : null) ?? "CUDA GPU";
            var memory = device is { } measured && Nvml.Memory(measured) is { } info ? info.Total : 0L;
            var count = torch.cuda.device_count();
            var many = count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (×{count})") : "";
            return new DeviceReport(DeviceKinds.Cuda, memory > 0 ? $"{name}, {Gib(memory)}{many}" : $"{name}{many}", memory);
        }
        // The GC's figure honours a cgroup memory limit, which is what a container may really use.
        var ram = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new DeviceReport(DeviceKinds.Cpu, $"CPU, {Environment.ProcessorCount} cores, {Gib(ram)} RAM", ram);
    }

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB");
}
