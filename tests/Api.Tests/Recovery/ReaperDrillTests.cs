using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Recovery;

/// <summary>Runners that die: their experiments are resumed elsewhere within seconds, or cancelled and deleted at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReaperDrillTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task A_runner_killed_mid_epoch_is_resumed_by_an_idle_runner_within_15_seconds()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        // A long invisibility: the job comes back through the reaper, not through Hangfire's own timeout.
        var runners = new[] { "runner-a", "runner-b" }.ToDictionary(n => n, n => RunnerProcess.Start(db, n, invisibilitySeconds: 120));
        try
        {
            const int epochs = 4;
            var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs), "killed");
            await Polling.WaitForEpochAsync(client, id, 1, Long);
            var first = (await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("attempts")[0].GetProperty("runner").GetString()!;
            runners[first].Kill();
            var clock = Stopwatch.StartNew();
            var resumed = await Polling.WaitUntilAsync(client, id, e => e.GetProperty("attempts").GetArrayLength() == 2, TimeSpan.FromSeconds(30));
            output.WriteLine($"resumed {clock.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"resumed only after {clock.Elapsed}");

            var done = await Polling.WaitForStatusAsync(client, id, ExperimentStatuses.IsFinished, Long);
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
            var attempts = done.GetProperty("attempts").EnumerateArray().ToList();
            Assert.Equal((first, "interrupted"), (attempts[0].GetProperty("runner").GetString(), attempts[0].GetProperty("outcome").GetString()));
            Assert.NotEqual(first, attempts[1].GetProperty("runner").GetString());
            var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
            Assert.Equal(Enumerable.Range(1, epochs), metrics.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        }
        finally
        {
            foreach (var runner in runners.Values) runner.Dispose();
        }
    }

    [Fact]
    public async Task An_attempt_whose_runner_vanished_without_a_trace_is_reaped_and_resumed()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1), "vanished");
        var oldJob = await StrandAsync(api, id);

        using var runner = RunnerProcess.Start(db, "runner-a", invisibilitySeconds: 120);
        var done = await Polling.WaitForStatusAsync(client, id, ExperimentStatuses.IsFinished, Long);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        var attempts = done.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(("ghost", "interrupted"), (attempts[0].GetProperty("runner").GetString(), attempts[0].GetProperty("outcome").GetString()));
        Assert.Contains("no heartbeat", attempts[0].GetProperty("error").GetString());
        Assert.Equal(("runner-a", "succeeded"), (attempts[1].GetProperty("runner").GetString(), attempts[1].GetProperty("outcome").GetString()));
        Assert.NotEqual(oldJob, attempts[1].GetProperty("hangfireJobId").GetString());
    }

    [Fact]
    public async Task An_experiment_left_running_with_no_attempt_is_requeued_and_finishes_but_one_just_started_is_left_alone()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        var orphan = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1), "orphan");
        var fresh = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1), "just started");
        var orphanJob = await MarkRunningWithoutAttemptAsync(api, orphan, DateTimeOffset.UtcNow.AddMinutes(-1));
        var freshJob = await MarkRunningWithoutAttemptAsync(api, fresh, DateTimeOffset.UtcNow);

        await Polling.WaitUntilAsync(client, orphan, e => e.GetProperty("status").GetString() == "queued", TimeSpan.FromSeconds(30));
        // Reaper rounds later (one a second), still inside its grace, the one that just turned running is untouched.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using (var scope = api.Services.CreateScope())
        {
            var untouched = await scope.ServiceProvider.GetRequiredService<PcDartsDbContext>().Experiments.AsNoTracking()
                .Include(e => e.Attempts).SingleAsync(e => e.Id == fresh);
            Assert.Equal((ExperimentStatuses.Running, freshJob, 0), (untouched.Status, untouched.HangfireJobId, untouched.Attempts.Count));
        }

        using var runner = RunnerProcess.Start(db, "runner-a", invisibilitySeconds: 120);
        var done = await Polling.WaitForStatusAsync(client, orphan, ExperimentStatuses.IsFinished, Long);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        var attempt = done.GetProperty("attempts").EnumerateArray().Single();
        Assert.Equal(("runner-a", "succeeded"), (attempt.GetProperty("runner").GetString(), attempt.GetProperty("outcome").GetString()));
        Assert.NotEqual(orphanJob, attempt.GetProperty("hangfireJobId").GetString());
        var log = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{orphan}/logs");
        Assert.Contains(log.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString()!.StartsWith("running with no live attempt for"));
    }

    [Fact]
    public async Task Cancel_ends_an_experiment_whose_runner_is_dead_and_delete_then_works()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1), "orphan");
        await StrandAsync(api, id);

        var cancel = await client.PostAsync($"/api/experiments/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        Assert.Equal("cancelled", experiment.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/experiments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/experiments/{id}")).StatusCode);
    }

    /// <summary>
    /// What a crash between the status change and the attempt's insert leaves: the experiment running since
    /// <paramref name="since"/> (its log lines as old), no attempt, and its job gone from the queue. Returns the job's id.
    /// </summary>
    private static async Task<string> MarkRunningWithoutAttemptAsync(ApiFactory api, Guid id, DateTimeOffset since)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        var job = (await db.Experiments.SingleAsync(e => e.Id == id)).HangfireJobId!;
        scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Delete(job);
        await db.Experiments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, ExperimentStatuses.Running).SetProperty(e => e.StartedAt, since));
        await db.LogLines.Where(l => l.ExperimentId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.At, since));
        return job;
    }

    /// <summary>
    /// What a runner that vanished leaves: the experiment running, its attempt running on "ghost", whose heartbeat is a
    /// minute old, and its job gone from the queue (fetched by the dead runner). Returns the old job's id.
    /// </summary>
    private static async Task<string> StrandAsync(ApiFactory api, Guid id)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        var experiment = await db.Experiments.SingleAsync(e => e.Id == id);
        var job = experiment.HangfireJobId!;
        scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Delete(job);
        var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        experiment.Status = ExperimentStatuses.Running;
        experiment.StartedAt = minuteAgo;
        db.JobAttempts.Add(new JobAttempt { ExperimentId = id, HangfireJobId = job, Runner = "ghost", StartedAt = minuteAgo });
        db.Runners.Add(new Runner { Name = "ghost", Host = "gone", Device = "cpu", Queues = ["cpu"], Workers = 1, StartedAt = minuteAgo, HeartbeatAt = minuteAgo, CurrentExperimentId = id });
        await db.SaveChangesAsync();
        return job;
    }
}
