
namespace PcDarts.Engine.Training;

/// <summary>Peak memory of this process (Linux VmHWM) and, on GPU nodes, of the CUDA device.</summary>
public static class MemoryProbe
{
    /// <summary>Peak resident set size since start or since the last <see cref="ResetProcessPeak"/>, in bytes.</summary>
    public static long ProcessPeakBytes() => ReadStatusKilobytes("VmHWM:") * 1024;

    public static long ProcessCurrentBytes() => ReadStatusKilobytes("VmRSS:") * 1024;

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so each epoch reports its own peak.</summary>
    public static void ResetProcessPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static long ReadStatusKilobytes(string key)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(key.Length).Trim().ToString().Split(' ')[0]);
        }
        catch (IOException) { }
        return 0;
    }
}
