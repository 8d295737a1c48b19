using System.Diagnostics;

namespace PcDarts.Bench.Chaos;

/// <summary>
/// Injects the plan's faults one after another, each at its moment or as soon as the one before has ended (an API
/// restart ends when it is ready again). Counts how many hit while some search was still unfinished.
/// </summary>
internal sealed class FaultInjector(Platform platform, PlatformClient client)
{
    public int DuringSearches { get; private set; }

    public async Task RunAsync(IReadOnlyList<Fault> plan, Func<bool> searchesRunning, Stopwatch clock)
    {
        foreach (var fault in plan)
        {
            var wait = fault.At - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (searchesRunning()) DuringSearches++;
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {fault}");
            switch (fault.Kind)
            {
                case FaultKind.RunnerKill:
                    platform.ReplaceRunner(fault.Runner);
                    break;
                case FaultKind.PostgresRestart:
                    await platform.RestartPostgresAsync(fault.Down);
                    break;
                case FaultKind.ApiRestart:
                    platform.RestartApi();
                    if (!await client.WaitReadyAsync(TimeSpan.FromSeconds(60)))
                        Console.WriteLine("           the restarted API was not ready within 60 s");
                    break;
            }
        }
    }
}
