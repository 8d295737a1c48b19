using System.Runtime.InteropServices;
using System.Text;

namespace PcDarts.Engine.Training;

/// <summary>
/// The few NVML calls the engine needs (the driver's library, present on every NVIDIA node): TorchSharp exposes no
/// device name or memory figures. Absent NVML (CPU nodes) every call answers null.
/// </summary>
internal static partial class Nvml
{
    /// <summary>The device's handle, or null without NVML or without that device.</summary>
    public static IntPtr? Device(int index)
    {
        try
        {
            if (nvmlInit_v2() != 0) return null;
            return nvmlDeviceGetHandleByIndex_v2((uint)index, out var handle) == 0 ? handle : null;
        }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }

    /// <summary>Total and used bytes of the device's memory.</summary>
    public static (long Total, long Used)? Memory(IntPtr device) =>
        nvmlDeviceGetMemoryInfo(device, out var info) == 0 ? ((long)info.Total, (long)info.Used) : null;

    public static string? Name(IntPtr device)
    {
        var buffer = new byte[96];
        return nvmlDeviceGetName(device, buffer, (uint)buffer.Length) == 0 ? Encoding.ASCII.GetString(buffer).TrimEnd('\0') : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryInfo
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
    private static partial int nvmlDeviceGetMemoryInfo(IntPtr device, out MemoryInfo memory);
}
