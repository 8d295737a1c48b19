using System.Text.Json;

namespace PcDarts.Api.Tests.Live;

/// <summary>`pcdarts wait` says why a queued experiment waits, in words and in its JSON events.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WaitReasonCliTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Wait_prints_that_no_live_runner_serves_the_queue()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch()); // no runner: it stays queued

        var text = await CliProcess.RunAsync(Limit, "wait", id.ToString(), "--server", api.Server, "--timeout", "2");
        var json = await CliProcess.RunAsync(Limit, "wait", id.ToString(), "--server", api.Server, "--timeout", "2", "--json");

        Assert.True(text.ExitCode == 3, text.ToString());
        Assert.Contains("waiting: no live runner serves queue 'cpu'", text.Stderr);
        var waiting = json.Stdout.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "waiting");
        Assert.Equal(1, waiting.GetProperty("queuePosition").GetInt32());
        Assert.StartsWith("no live runner serves queue 'cpu'", waiting.GetProperty("waitingReason").GetString());
    }
}
