using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RunnerTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Cancel_stops_a_running_search_within_seconds()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var client = api.CreateClient();
        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 50));
        await Polling.WaitForEpochAsync(client, id, 1, Long);

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/experiments/{id}/cancel", null)).StatusCode);
        var experiment = await Polling.WaitForStatusAsync(client, id, s => s is "cancelled" or "succeeded" or "failed", TimeSpan.FromSeconds(30));
        output.WriteLine($"cancelled after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal("cancelled", experiment.GetProperty("status").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"cancel took {clock.Elapsed}");
        Assert.Equal("cancelled", experiment.GetProperty("attempts")[0].GetProperty("outcome").GetString());
        Assert.True(experiment.GetProperty("epochsCompleted").GetInt32() < 50);
    }

    [Fact]
    public async Task Search_whose_runner_is_killed_is_finished_by_another_with_every_epoch_once_and_the_same_genotype()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        const int epochs = 4;

        var killed = await Polling.SubmitAsync(client, Specs.TinySearch(epochs), "killed");
        using (var first = RunnerProcess.Start(db, "runner-a"))
        {
            await Polling.WaitForEpochAsync(client, killed, 2, Long);
            first.Kill();
        }
        var clock = Stopwatch.StartNew();
        using var second = RunnerProcess.Start(db, "runner-b");
        var resumed = await Polling.WaitForStatusAsync(client, killed, s => s is "succeeded" or "failed" or "cancelled", Long);
        output.WriteLine($"resumed and finished {clock.Elapsed.TotalSeconds:F1} s after the kill");
        Assert.True(resumed.GetProperty("status").GetString() == "succeeded", resumed.ToString());

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{killed}/metrics");
        Assert.Equal(Enumerable.Range(1, epochs), metrics.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        var attempts = resumed.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(("runner-a", "interrupted"), (attempts[0].GetProperty("runner").GetString(), attempts[0].GetProperty("outcome").GetString()));
        Assert.Equal(("runner-b", "succeeded"), (attempts[1].GetProperty("runner").GetString(), attempts[1].GetProperty("outcome").GetString()));
        Assert.True(attempts[1].GetProperty("resumedAfterEpoch").GetInt32() >= 2);

        var reference = await Polling.SubmitAsync(client, Specs.TinySearch(epochs), "uninterrupted");
        var uninterrupted = await Polling.WaitForStatusAsync(client, reference, s => s is "succeeded" or "failed" or "cancelled", Long);
        Assert.Equal(uninterrupted.GetProperty("genotype").GetString(), resumed.GetProperty("genotype").GetString());
    }

    [Fact]
    public async Task Two_runner_processes_share_the_queue_and_no_job_runs_twice()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        using var a = RunnerProcess.Start(db, "runner-a");
        using var b = RunnerProcess.Start(db, "runner-b");

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++) ids.Add(await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1), $"job-{i}"));
        var runners = new List<string>();
        foreach (var id in ids)
        {
            var experiment = await Polling.WaitForStatusAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", Long);
            Assert.True(experiment.GetProperty("status").GetString() == "succeeded", experiment.ToString());
            var attempts = experiment.GetProperty("attempts").EnumerateArray().ToList();
            Assert.Single(attempts);
            runners.Add(attempts[0].GetProperty("runner").GetString()!);
        }
        Assert.Equal(["runner-a", "runner-b"], runners.Distinct().Order());

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/runners");
        Assert.Equal(["runner-a", "runner-b"], listed.EnumerateArray().Where(r => r.GetProperty("alive").GetBoolean()).Select(r => r.GetProperty("name").GetString()).Order());
    }
}
