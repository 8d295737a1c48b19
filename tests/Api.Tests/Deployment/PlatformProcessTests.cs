using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>
/// The platform as compose runs it, every part a process of its own: one PostgreSQL, the migrate job, two API hosts
/// with no sticky session, and runner nodes on two queues (a CPU serves the queue named gpu here).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PlatformProcessTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(240);
    private const int Epochs = 4;

    [Fact]
    public async Task Four_experiments_over_two_queues_finish_and_a_runner_killed_mid_epoch_loses_and_repeats_no_epoch()
    {
        var db = await cluster.CreateDatabaseAsync();
        Assert.Equal(0, await ApiProcess.MigrateAsync(db));
        using var apiA = await ApiProcess.StartAsync(db);
        using var apiB = await ApiProcess.StartAsync(db);
        using var a = apiA.CreateClient();
        using var b = apiB.CreateClient();
        var cpuRunner = RunnerProcess.Start(db, "runner-cpu", queue: "cpu");
        using var gpuRunner = RunnerProcess.Start(db, "runner-gpu", queue: "gpu");
        ChildProcess? restarted = null;
        try
        {
            // Submitted through both hosts in turn and read back through the other one.
            var queues = new[] { "cpu", "gpu", "cpu", "gpu" };
            var submitted = new List<(Guid Id, string Queue)>();
            for (var i = 0; i < queues.Length; i++)
                submitted.Add((await Polling.SubmitAsync(i % 2 == 0 ? a : b, Spec(queues[i]), $"{queues[i]}-{i}"), queues[i]));

            var killed = await FirstPastEpochOneAsync(b, submitted.Where(s => s.Queue == "cpu").Select(s => s.Id));
            cpuRunner.Kill();
            output.WriteLine($"killed runner-cpu while {killed} ran");
            restarted = RunnerProcess.Start(db, "runner-cpu-2", queue: "cpu"); // what compose's restart policy does

            foreach (var (id, queue) in submitted)
            {
                var done = await Polling.WaitForStatusAsync(a, id, ExperimentStatuses.IsFinished, Long);
                Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
                Assert.Equal(queue, done.GetProperty("queue").GetString());
                var runners = done.GetProperty("attempts").EnumerateArray().Select(t => t.GetProperty("runner").GetString()!).ToList();
                Assert.All(runners, r => Assert.StartsWith($"runner-{queue}", r));
                var metrics = await b.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
                Assert.Equal(Enumerable.Range(1, Epochs), metrics.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
            }
            var attempts = (await a.GetFromJsonAsync<JsonElement>($"/api/experiments/{killed}")).GetProperty("attempts").EnumerateArray().ToList();
            Assert.Equal(("runner-cpu", "interrupted"), (attempts[0].GetProperty("runner").GetString(), attempts[0].GetProperty("outcome").GetString()));
            Assert.Equal(("runner-cpu-2", "succeeded"), (attempts[^1].GetProperty("runner").GetString(), attempts[^1].GetProperty("outcome").GetString()));
        }
        finally
        {
            cpuRunner.Dispose();
            restarted?.Dispose();
        }
    }

    [Fact]
    public async Task A_runner_never_migrates_it_waits_for_the_migrate_job_and_refuses_work_on_a_newer_schema()
    {
        var db = await cluster.CreateDatabaseAsync();
        using (var early = RunnerProcess.Start(db, "early"))
        {
            await early.WaitForLineAsync(l => l.Contains("waits for the platform's migrations"), TimeSpan.FromSeconds(60));
            Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM pg_tables WHERE tablename = '__EFMigrationsHistory'"));
            Assert.Equal(0, await ApiProcess.MigrateAsync(db));
            await early.WaitForLineAsync(l => l.Contains("Runner early serving queues"), TimeSpan.FromSeconds(90));
        }

        const string newer = "29991231235959_FromANewerRelease";
        await ScalarAsync(db, $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{newer}', '10.0.15') RETURNING 1");
        using var api = await ApiProcess.StartAsync(db);
        using var client = api.CreateClient();
        using var old = RunnerProcess.Start(db, "old");
        var refusal = await old.WaitForLineAsync(l => l.Contains("refuses work"), TimeSpan.FromSeconds(60));
        output.WriteLine(refusal);
        Assert.Contains(newer, refusal);

        var id = await Polling.SubmitAsync(client, Spec("cpu"), "refused");
        await Task.Delay(TimeSpan.FromSeconds(8)); // many queue polls and heartbeats of a runner that would take it
        var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        Assert.Equal("queued", experiment.GetProperty("status").GetString());
        Assert.Equal(0, experiment.GetProperty("attempts").GetArrayLength());
        await using var context = PersistenceExtensions.CreateContext(db);
        Assert.False(await context.Runners.AnyAsync(r => r.Name == "old"), "a refusing runner must not join the runners table");
        Assert.False(old.HasExited, "it keeps waiting for an upgrade rather than exiting");
    }

    [Fact]
    public async Task A_running_runner_stops_taking_work_once_a_newer_release_migrates_the_database()
    {
        var db = await cluster.CreateDatabaseAsync();
        Assert.Equal(0, await ApiProcess.MigrateAsync(db));
        using var runner = RunnerProcess.Start(db, "running");
        await runner.WaitForLineAsync(l => l.Contains("Runner running serving queues"), TimeSpan.FromSeconds(90));

        await ScalarAsync(db, "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231235959_Newer', '10.0.15') RETURNING 1");
        var refusal = await runner.WaitForLineAsync(l => l.Contains("refuses work"), TimeSpan.FromSeconds(75)); // checked every 30 s
        Assert.Contains("29991231235959_Newer", refusal);
        Assert.Equal(0, await runner.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    private static object Spec(string queue) => Specs.TinySearch(Epochs, queue: queue);

    /// <summary>The first of these experiments to record epoch 1: its runner is inside epoch 2.</summary>
    private static async Task<Guid> FirstPastEpochOneAsync(HttpClient client, IEnumerable<Guid> ids)
    {
        var deadline = DateTime.UtcNow + Long;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
                if (metrics.GetProperty("epochs").GetArrayLength() >= 1) return id;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no CPU experiment reached epoch 1");
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
