using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PcDarts.Core.Contracts;
using TorchSharp;

namespace PcDarts.Engine.Training;

/// <summary>What a runner computes on, as the runners page and the cost estimate need it.</summary>
/// <param name="Kind">"cuda" or "cpu" (<see cref="DeviceKinds"/>).</param>
/// <param name="Description">"NVIDIA H200, 139.8 GiB" or "CPU, 16 cores, 125.6 GiB RAM".</param>
/// <param name="MemoryBytes">The GPU's memory, else the RAM this process may use (a container's limit included).</param>
public sealed partial record DeviceReport(string Kind, string Description, long MemoryBytes)
{
    /// <summary>The device <see cref="ComputeDevice.Select"/> picks: the first CUDA device (named through NVML when it loads), else the CPU.</summary>
    public static DeviceReport Detect()
    {
        if (torch.cuda.is_available())
        {
            var (name, memory) = Nvml.FirstDevice() ?? ("CUDA GPU", 0L);
            var count = torch.cuda.device_count();
            var many = count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (×{count})") : "";
            return new DeviceReport(DeviceKinds.Cuda, memory > 0 ? $"{name}, {Gib(memory)}{many}" : $"{name}{many}", memory);
        }
        // The GC's figure honours a cgroup memory limit, which is what a container may really use.
        var ram = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new DeviceReport(DeviceKinds.Cpu, $"CPU, {Environment.ProcessorCount} cores, {Gib(ram)} RAM", ram);
    }

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB");

    private static partial class Nvml
    {
        public static (string Name, long MemoryBytes)? FirstDevice()
        {
            try
            {
                if (nvmlInit_v2() != 0 || nvmlDeviceGetHandleByIndex_v2(0, out var device) != 0) return null;
                var buffer = new byte[96];
                var name = nvmlDeviceGetName(device, buffer, (uint)buffer.Length) == 0 ? Encoding.ASCII.GetString(buffer).TrimEnd('\0') : "CUDA GPU";
                return (name, nvmlDeviceGetMemoryInfo(device, out var memory) == 0 ? (long)memory.Total : 0);
            }
            catch (DllNotFoundException) { return null; }
            catch (EntryPointNotFoundException) { return null; }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct Memory
        {
            public ulong Total;
            public ulong Free;
            public ulong Used;
        }

        [LibraryImport("nvidia-ml")]
        private static partial int nvmlInit_v2();

        [LibraryImport("nvidia-ml")]
        private static partial int nvmlDeviceGetHandleByIndex_v2(uint index, out IntPtr device);

        [LibraryImport("nvidia-ml")]
        private static partial int nvmlDeviceGetName(IntPtr device, [Out] byte[] name, uint length);

        [LibraryImport("nvidia-ml")]
        private static partial int nvmlDeviceGetMemoryInfo(IntPtr device, out Memory memory);
    }
}
