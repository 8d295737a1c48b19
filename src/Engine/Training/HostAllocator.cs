using System.Runtime.InteropServices;

namespace PcDarts.Engine.Training;

/// <summary>
/// How the process's C allocator hands out the tensors' CPU memory. LibTorch allocates CPU tensors with glibc's
/// malloc, which by default serves blocks of up to 32 MiB from its heap once it has seen such a block freed, and keeps
/// what is freed there for reuse: a step's thousands of short-lived activations of different sizes then fragment the
/// heap, and the resident peak sits ~250 MiB above the tensors alive at the step's peak (K = 4). Blocks from 4 MiB up
/// are mapped on their own instead, so they go back to the system the moment the tensor is disposed; smaller ones keep
/// the heap's speed. Measured on the paper's search network (README, "Benchmarks"), against the heap serving blocks up
/// to 32 MiB: peak 1.21 → 1.11–1.13 GiB at K = 4 at no cost in time, 3.44 → 2.78–2.80 GiB at K = 1 for 6–9 % of the
/// step. A threshold set in the environment (MALLOC_MMAP_THRESHOLD_) is left as it is.
/// </summary>
public static class HostAllocator
{
    public const int MapThresholdBytes = 4 << 20;
    private const int MallocMapThreshold = -3; // M_MMAP_THRESHOLD in glibc's malloc.h
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null) return;
        try
        {
            mallopt(MallocMapThreshold, MapThresholdBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for one): its allocator has no such setting, and nothing else depends on it.
        }
    }

    /// <summary>
    /// Hands the pages the heap keeps free back to the system (glibc's malloc_trim), so a long-lived runner starts each
    /// job from its own baseline rather than from the last job's high-water mark. A no-op where there is no glibc.
    /// </summary>
    public static void ReturnFreePages()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
