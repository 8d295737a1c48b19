using TorchSharp;

namespace PcDarts.Engine.Training;

/// <summary>The device is chosen once per run: the first CUDA device when there is one, else the CPU.</summary>
public static class ComputeDevice
{
    /// <summary>CUDA when present, else the CPU; the first call also sets how CPU tensors' memory is mapped (<see cref="HostAllocator"/>).</summary>
    public static torch.Device Select()
    {
        HostAllocator.Configure();
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }

    public static void ApplyThreads(int? threads)
    {
        if (threads is { } count) torch.set_num_threads(count);
    }

    public static string Describe(torch.Device device) =>
        device.type == DeviceType.CUDA ? $"cuda:{device.index} ({torch.cuda.device_count()} visible)" : $"cpu ({torch.get_num_threads()} threads)";
}
