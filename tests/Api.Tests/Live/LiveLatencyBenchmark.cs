using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PcDarts.Core.Live;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Live;

/// <summary>Runs only with PCDARTS_BENCH=1: a measurement to read, not a pass/fail test.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PCDARTS_BENCH") != "1") Skip = "benchmark: set PCDARTS_BENCH=1 to run it";
    }
}

/// <summary>
/// Time from a runner's epoch commit (the real <see cref="Persistence.Runs.RunRecorder"/> transaction with its NOTIFY)
/// to receipt of EpochCompleted by 1, 10 and 100 SignalR clients on loopback, through LISTEN, the row read and the group send.
/// <code>PCDARTS_BENCH=1 dotnet test tests/Api.Tests --filter LiveLatencyBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveLatencyBenchmark(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Warmup = 10;
    private const int Epochs = 200;

    [BenchmarkFact]
    public async Task Commit_to_client_latency()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var api = LiveApiHost.Start(connectionString, embeddedRunner: false);
        var lines = new List<string>
        {
            $"commit → EpochCompleted at the client, {Epochs} epochs after {Warmup} warm-up, {Environment.ProcessorCount} cores, loopback",
            "clients | receipts | p50 ms | p99 ms | max ms | commit ms (p50)",
        };
        foreach (var clients in new[] { 1, 10, 100 })
            lines.Add(await MeasureAsync(api, connectionString, clients));
        foreach (var line in lines) output.WriteLine(line);
        var file = Environment.GetEnvironmentVariable("PCDARTS_BENCH_OUT");
        if (!string.IsNullOrEmpty(file)) await File.WriteAllLinesAsync(file, lines);
    }

    private static async Task<string> MeasureAsync(LiveApiHost api, string connectionString, int clients)
    {
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch(), $"bench {clients}");
        var recorder = RecordedEpochs.Recorder(connectionString, id);
        var committed = new long[Warmup + Epochs + 1];
        var received = new long[clients, Warmup + Epochs + 1];
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
        for (var epoch = 1; epoch <= Warmup + Epochs; epoch++)
        {
            Volatile.Write(ref pending, clients);
            var before = Stopwatch.GetTimestamp();
            RecordedEpochs.CommitEpoch(recorder, epoch);
            committed[epoch] = Stopwatch.GetTimestamp();
            commitTimes.Add(Stopwatch.GetElapsedTime(before, committed[epoch]).TotalMilliseconds);
            // One epoch at a time, as a runner commits them (minutes apart): latency, not throughput.
            if (!await allIn.WaitAsync(TimeSpan.FromSeconds(30))) throw new TimeoutException($"epoch {epoch} did not reach all {clients} clients");
        }
        foreach (var hub in hubs) await hub.DisposeAsync();

        var latencies = new List<double>();
        for (var epoch = Warmup + 1; epoch <= Warmup + Epochs; epoch++)
            for (var c = 0; c < clients; c++)
                latencies.Add(Stopwatch.GetElapsedTime(committed[epoch], received[c, epoch]).TotalMilliseconds);
        latencies.Sort();
        commitTimes.Sort();
        double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{clients,7} | {latencies.Count,8} | {At(latencies, 0.50),6:F2} | {At(latencies, 0.99),6:F2} | {latencies[^1],6:F2} | {At(commitTimes, 0.5),6:F2}");
    }
}
