namespace PcDarts.Bench.Chaos;

/// <summary>
/// Chaos benchmark (docs/recovery.md, "Chaos benchmark"): the same seeded searches undisturbed, then under runner
/// SIGKILLs, PostgreSQL restarts and API restarts at random moments; prints what each search lost. Run by hand.
/// A class of its own rather than top-level statements, as in the other benchmark.
/// </summary>
internal static class ChaosBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        ChaosOptions options;
        try { options = ChaosOptions.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{ChaosOptions.Usage}");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-chaos-{Guid.NewGuid():N}");
        try
        {
            return await ChaosRun.RunAsync(options, folder) ? 0 : 1;
        }
        finally
        {
            // The logs stay for reading; the cluster is gone with the run.
            try { Directory.Delete(Path.Combine(folder, "postgres"), recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
