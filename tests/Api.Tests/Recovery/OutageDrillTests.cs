using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Persistence.Local;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Recovery;

/// <summary>
/// PostgreSQL stopped for 10 s in the middle of a search: the search finishes with every epoch once and the genotype
/// of an undisturbed run of the same seed, the runner survives, and the API is ready again within 10 s of the return.
/// Each drill has a private cluster of its own, since it stops it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutageDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private readonly LocalPostgresOptions _postgres = new() { Folder = Path.Combine(Path.GetTempPath(), $"pcdarts-outage-{Guid.NewGuid():N}"), Durable = false };
    private LocalPostgres? _server;

    public async Task InitializeAsync() => _server = await LocalPostgres.StartAsync(_postgres);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_search_outlives_a_10_second_database_outage_mid_epoch(bool embeddedRunner)
    {
        const int epochs = 4;
        var connectionString = _server!.ConnectionString;
        await using var api = new ApiFactory(connectionString, embeddedRunner);
        using var client = api.CreateClient();
        using var runner = embeddedRunner ? null : RunnerProcess.Start(connectionString, "runner-a", invisibilitySeconds: 60);

        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs), "outage");
        await Polling.WaitForEpochAsync(client, id, 1, Long);
        await _server.DisposeAsync();
        await Task.Delay(Outage);
        _server = await LocalPostgres.StartAsync(_postgres);
        var ready = await WaitForReadyAsync(client);
        output.WriteLine($"/readyz answered 200 {ready.TotalSeconds:F1} s after PostgreSQL returned");
        Assert.True(ready < TimeSpan.FromSeconds(10), $"ready only after {ready}");

        var done = await Polling.WaitForStatusAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", Long);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.False(runner?.HasExited ?? false, "the runner process exited");
        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
        Assert.Equal(Enumerable.Range(1, epochs), metrics.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));

        var reference = await Polling.SubmitAsync(client, Specs.TinySearch(epochs), "undisturbed");
        var undisturbed = await Polling.WaitForStatusAsync(client, reference, s => s is "succeeded" or "failed" or "cancelled", Long);
        Assert.Equal(undisturbed.GetProperty("genotype").GetString(), done.GetProperty("genotype").GetString());
    }

    private static async Task<TimeSpan> WaitForReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/readyz");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                if ((await client.SendAsync(request, timeout.Token)).StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (OperationCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("/readyz never answered 200");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_postgres.Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
