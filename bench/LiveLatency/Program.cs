namespace PcDarts.Bench.LiveLatency;

/// <summary>
/// Time from a runner's epoch commit to receipt of EpochCompleted by 1, 10 and 100 SignalR clients (README, Benchmarks).
/// A class of its own rather than top-level statements: those would declare a second <c>Program</c> beside the API's.
/// </summary>
internal static class LiveLatencyBenchmark
{
    private const int Warmup = 10;
    private const int Epochs = 200;

    public static async Task Main()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pcdarts-bench-{Guid.NewGuid():N}");
        try
        {
            await using var api = await BenchApi.StartAsync(folder);
            Console.WriteLine($"commit → EpochCompleted at the client, {Epochs} epochs after {Warmup} warm-up, {Environment.ProcessorCount} cores, loopback");
            Console.WriteLine("clients | receipts | p50 ms | p99 ms | max ms | commit ms (p50)");
            foreach (var clients in new[] { 1, 10, 100 })
                Console.WriteLine(await LatencyRun.MeasureAsync(api, clients, Warmup, Epochs));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
