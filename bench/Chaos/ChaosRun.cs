using System.Diagnostics;

namespace PcDarts.Bench.Chaos;

/// <summary>
/// The two halves of the benchmark on one platform: the searches undisturbed (their genotypes and commit gaps are the
/// reference; their duration is the window the faults are spread over), then the same searches again under the faults.
/// </summary>
internal static class ChaosRun
{
    private const int Runners = 2;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public static async Task<bool> RunAsync(ChaosOptions options, string folder)
    {
        await using var platform = await Platform.StartAsync(folder, Runners);
        using var client = new PlatformClient(platform.Address);
        Console.WriteLine($"{options.Searches} searches × {options.Epochs} epochs, {Runners} runners, {Environment.ProcessorCount} cores; logs in {platform.Logs}");
        if (!await client.WaitReadyAsync(StartTimeout)) throw new TimeoutException($"the API at {platform.Address} was not ready within {StartTimeout}");

        var clock = Stopwatch.StartNew();
        var undisturbed = await SearchBatch.SubmitAsync(client, "undisturbed", options);
        if (!await SearchBatch.WaitFinishedAsync(client, undisturbed, TimeSpan.FromSeconds(options.TimeoutSeconds)))
            throw new TimeoutException("the undisturbed searches did not finish in time");
        var window = clock.Elapsed;
        Console.WriteLine($"undisturbed: {window.TotalSeconds:F0} s; now {options.Faults} faults (seed {options.Seed}) over the same searches again");
        var reference = await ReadAllAsync(client, platform, undisturbed, options);

        var plan = FaultPlan.Draw(options.Seed, options.Faults, window, Runners);
        var disturbed = await SearchBatch.SubmitAsync(client, "chaos", options);
        clock.Restart();
        var running = true;
        var injector = new FaultInjector(platform, client);
        var faults = injector.RunAsync(plan, () => Volatile.Read(ref running), clock);
        var finished = await SearchBatch.WaitFinishedAsync(client, disturbed, TimeSpan.FromSeconds(options.TimeoutSeconds));
        Volatile.Write(ref running, false);
        var searchesTook = clock.Elapsed;
        await faults;
        await client.WaitReadyAsync(StartTimeout);

        Console.WriteLine();
        Console.WriteLine($"disturbed: {(finished ? "all finished" : "TIMED OUT")} after {searchesTook.TotalSeconds:F0} s; " +
            $"{injector.DuringSearches} of {plan.Count} faults hit while searches ran " +
            $"({plan.Count(f => f.Kind == FaultKind.RunnerKill)} runner kills, {plan.Count(f => f.Kind == FaultKind.PostgresRestart)} PostgreSQL restarts, " +
            $"{plan.Count(f => f.Kind == FaultKind.ApiRestart)} API restarts)");
        var outcomes = await ReadAllAsync(client, platform, disturbed, options);
        ReportTable.Print(reference, outcomes);
        return finished;
    }

    private static async Task<List<SearchOutcome>> ReadAllAsync(
        PlatformClient client, Platform platform, IReadOnlyList<(string Name, Guid Id)> searches, ChaosOptions options)
    {
        var outcomes = new List<SearchOutcome>();
        foreach (var (name, id) in searches)
            outcomes.Add(await SearchOutcome.ReadAsync(client, platform.ConnectionString, name, id, options.Epochs));
        return outcomes;
    }
}
