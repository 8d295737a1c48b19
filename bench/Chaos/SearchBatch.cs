using System.Diagnostics;
using PcDarts.Core.Contracts;

namespace PcDarts.Bench.Chaos;

/// <summary>The benchmark's searches: tiny seeded ones on synthetic data, a few seconds an epoch on one core.</summary>
internal static class SearchBatch
{
    public static object Spec(int index, int epochs) => new
    {
        dataset = "synthetic", epochs, batchSize = 16, channels = 4, layers = 3, nodes = 3, k = 2, warmupEpochs = 1,
        subset = 128, threads = 1, seed = 100 + index,
    };

    public static async Task<IReadOnlyList<(string Name, Guid Id)>> SubmitAsync(PlatformClient client, string prefix, ChaosOptions options)
    {
        var searches = new List<(string, Guid)>();
        for (var i = 1; i <= options.Searches; i++)
        {
            var name = $"{prefix} {i}";
            searches.Add((name, await client.SubmitSearchAsync(name, Spec(i, options.Epochs))));
        }
        return searches;
    }

    /// <summary>Polls until every search has finished (true) or <paramref name="timeout"/> has passed (false).</summary>
    public static async Task<bool> WaitFinishedAsync(PlatformClient client, IReadOnlyList<(string Name, Guid Id)> searches, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var pending = searches.Select(s => s.Id).ToHashSet();
        while (clock.Elapsed < timeout)
        {
            foreach (var id in pending.ToList())
                if (await client.TryGetExperimentAsync(id) is { } e && ExperimentStatuses.IsFinished(e.GetProperty("status").GetString()!))
                    pending.Remove(id);
            if (pending.Count == 0) return true;
            await Task.Delay(500);
        }
        return false;
    }
}
