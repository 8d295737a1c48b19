namespace PcDarts.Engine.Training;

/// <summary>
/// TorchSharp exposes no CUDA allocator statistics, so the device's used memory is sampled through NVML after
/// every step and the largest sample kept. It includes the caching allocator's reserve, which is what limits
/// the batch size a card can take. Absent NVML (CPU nodes) every call is a cheap no-op returning null.
/// </summary>
public sealed class CudaMemoryProbe
{
    private readonly IntPtr _device;
    private long _peak;

    private CudaMemoryProbe(IntPtr device) => _device = device;

    public static CudaMemoryProbe? TryCreate(int deviceIndex) => Nvml.Device(deviceIndex) is { } device ? new CudaMemoryProbe(device) : null;

    public void Sample()
    {
        if (Nvml.Memory(_device) is { } memory)
            _peak = Math.Max(_peak, memory.Used);
    }

    public long TakePeak()
    {
        Sample();
        var peak = _peak;
        _peak = 0;
        return peak;
    }
}
