namespace PcDarts.Engine.Training;

/// <summary>
/// The memory a run starts from and leaves behind. At the start the heap's free pages go back to the system and the
/// process's resident set is read: that is the host's share of every epoch's peak (a runner's runtime and libtorch,
/// or the whole API when the runner is in-process), which the cost estimate needs to compare like with like. At the
/// end the free pages go back again, so the next job on the same runner starts from the same baseline.
/// </summary>
internal sealed class JobMemory : IDisposable
{
    private JobMemory(long hostBytes) => HostBytes = hostBytes;

    /// <summary>Resident bytes of the process when the run began; 0 where the platform cannot tell.</summary>
    public long HostBytes { get; }

    public static JobMemory Begin()
    {
        HostAllocator.ReturnFreePages();
        return new JobMemory(MemoryProbe.ProcessCurrentBytes());
    }

    public void Dispose() => HostAllocator.ReturnFreePages();
}
