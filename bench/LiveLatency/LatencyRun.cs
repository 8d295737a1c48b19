using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PcDarts.Core.Live;

namespace PcDarts.Bench.LiveLatency;

/// <summary>
/// One row of the table: <c>clients</c> SignalR clients subscribe to one experiment, then epochs are committed one at a
/// time through the real <see cref="Persistence.Runs.RunRecorder"/> (rows and NOTIFY in one transaction), each waiting
/// until every client has it: latency through LISTEN, the row read and the group send, not throughput.
/// </summary>
internal static class LatencyRun
{
    public static async Task<string> MeasureAsync(BenchApi api, int clients, int warmup, int epochs)
    {
        var id = await api.SubmitSearchAsync($"bench {clients}");
        var recorder = SyntheticEpochs.Recorder(api.ConnectionString, id);
        var committed = new long[warmup + epochs + 1];
        var received = new long[clients, warmup + epochs + 1];
        var pending = 0;
        var allIn = new SemaphoreSlim(0);

        var hubs = new List<HubConnection>();
        for (var c = 0; c < clients; c++)
        {
            var hub = api.Hub();
            var client = c;
            hub.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e =>
            {
                received[client, e.Metrics.Epoch] = Stopwatch.GetTimestamp();
                if (Interlocked.Decrement(ref pending) == 0) allIn.Release();
            });
            await hub.StartAsync();
            await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id);
            hubs.Add(hub);
        }

        var commitTimes = new List<double>();
        for (var epoch = 1; epoch <= warmup + epochs; epoch++)
        {
            Volatile.Write(ref pending, clients);
            var before = Stopwatch.GetTimestamp();
            SyntheticEpochs.Commit(recorder, epoch);
            committed[epoch] = Stopwatch.GetTimestamp();
            commitTimes.Add(Stopwatch.GetElapsedTime(before, committed[epoch]).TotalMilliseconds);
            if (!await allIn.WaitAsync(TimeSpan.FromSeconds(30))) throw new TimeoutException($"epoch {epoch} did not reach all {clients} clients");
        }
        foreach (var hub in hubs) await hub.DisposeAsync();

        var latencies = new List<double>();
        for (var epoch = warmup + 1; epoch <= warmup + epochs; epoch++)
            for (var c = 0; c < clients; c++)
                latencies.Add(Stopwatch.GetElapsedTime(committed[epoch], received[c, epoch]).TotalMilliseconds);
        latencies.Sort();
        commitTimes.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{clients,7} | {latencies.Count,8} | {At(latencies, 0.50),6:F2} | {At(latencies, 0.99),6:F2} | {latencies[^1],6:F2} | {At(commitTimes, 0.5),6:F2}");
    }

    /// <summary>The q-quantile of a sorted list (nearest rank).</summary>
    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
