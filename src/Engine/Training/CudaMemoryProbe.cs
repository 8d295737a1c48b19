using System.Runtime.InteropServices;

namespace PcDarts.Engine.Training;

/// <summary>
/// TorchSharp exposes no CUDA allocator statistics, so the device's used memory is sampled through NVML after
/// every step and the largest sample kept. It includes the caching allocator's reserve, which is what limits
/// the batch size a card can take. Absent NVML (CPU nodes) every call is a cheap no-op returning null.
/// </summary>
public sealed partial class CudaMemoryProbe
{
    private readonly IntPtr _device;
    private long _peak;

    private CudaMemoryProbe(IntPtr device) => _device = device;

    public static CudaMemoryProbe? TryCreate(int deviceIndex)
    {
        try
        {
            if (nvmlInit_v2() != 0) return null;
            return nvmlDeviceGetHandleByIndex_v2((uint)deviceIndex, out var handle) == 0 ? new CudaMemoryProbe(handle) : null;
        }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }

    public void Sample()
    {
        if (nvmlDeviceGetMemoryInfo(_device, out var info) == 0)
            _peak = Math.Max(_peak, (long)info.Used);
    }

    public long TakePeak()
    {
        Sample();
        var peak = _peak;
        _peak = 0;
        return peak;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory
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
    private static partial int nvmlDeviceGetMemoryInfo(IntPtr device, out NvmlMemory memory);
}
