using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Metrics;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Tests;

/// <summary>Why a queued experiment waits, the queue table, the metrics scrape, and the cost estimate (dry run and estimate vs measured).</summary>
[Collection(PostgresCollection.Name)]
public sealed class WaitAndCostTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_queued_experiment_says_its_place_and_when_no_runner_serves_its_queue()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        await AddRunnerAsync(api, "cpu-1", busy: true, memory: 8L << 30);

        var first = await SubmitAsync(client, "first", "cpu");
        var second = await SubmitAsync(client, "second", "cpu");
        var gpu = await SubmitAsync(client, "on gpu", "gpu");
        await AddRunnerAsync(api, "cpu-1", busy: true, memory: 8L << 30); // fresh heartbeat for the reads below

        var (one, two, three) = (await GetAsync(client, first), await GetAsync(client, second), await GetAsync(client, gpu));
        Assert.Equal((1, 2, 1), (one.QueuePosition, two.QueuePosition, three.QueuePosition));
        Assert.Equal("queue 'cpu': next in line; all 1 runner(s) on this queue are busy", one.WaitingReason);
        Assert.Equal("queue 'cpu': 1 ahead of it; all 1 runner(s) on this queue are busy", two.WaitingReason);
        Assert.StartsWith("no live runner serves queue 'gpu'", three.WaitingReason);

        var queues = (await client.GetFromJsonAsync<List<QueueDto>>("/api/queues"))!.ToDictionary(q => q.Name);
        Assert.Equal((2, 1, 1), (queues["cpu"].Depth, queues["cpu"].LiveRunners, queues["cpu"].BusyRunners));
        Assert.Equal(one.CreatedAt, queues["cpu"].OldestQueuedAt);
        Assert.Equal((1, 0, 0), (queues["gpu"].Depth, queues["gpu"].LiveRunners, queues["gpu"].BusyRunners));

        // Cancelled, the first leaves the queue: the second moves up.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/experiments/{first}/cancel", null)).StatusCode);
        Assert.Equal(1, (await GetAsync(client, second)).QueuePosition);
        Assert.Null((await GetAsync(client, first)).WaitingReason);
    }

    [Fact]
    public async Task The_metrics_scrape_shows_queue_depth_and_runners_to_admins_only()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        await SubmitAsync(client, "waiting", "gpu");
        var viewer = api.CreateClient();
        viewer.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "viewer@test.local", PlatformRoles.Viewer));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/metrics")).StatusCode);
        // The gauges read a snapshot the API refreshes every few seconds.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var text = await client.GetStringAsync("/metrics");
        while (!Regex.IsMatch(text, @"pcdarts_queue_depth\{[^}]*queue=""gpu""[^}]*\} 1\b"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no queue depth of 1 on gpu in the scrape:\n{text}");
            await Task.Delay(250);
            text = await client.GetStringAsync("/metrics");
        }
        Assert.Matches(@"pcdarts_experiments\{[^}]*status=""queued""[^}]*\} 1\b", text);
        Assert.Matches(@"pcdarts_runners\{[^}]*\} 0\b", text);
    }

    [Fact]
    public async Task A_dry_run_answers_the_estimate_per_runner_device_writes_nothing_and_warns_when_none_has_the_memory()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        await AddRunnerAsync(api, "small", busy: false, memory: 64L << 20);

        var response = await client.PostAsJsonAsync("/api/experiments/search?dryRun=true", new { name = "dry", spec = Specs.TinySearch() });
        var estimate = (await response.Content.ReadFromJsonAsync<CostEstimateDto>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var device = Assert.Single(estimate.Devices);
        Assert.Equal(["small"], device.Runners);
        Assert.False(device.Fits);
        Assert.True(device.PeakBytes > 64L << 20 && device.EpochSeconds > 0);
        Assert.StartsWith("no runner on queue 'cpu' has the", estimate.Warning);
        Assert.Equal(0, (await client.GetFromJsonAsync<ExperimentPage>("/api/experiments"))!.Total);

        var invalid = await client.PostAsJsonAsync("/api/experiments/search?dryRun=true", new { name = "dry", spec = new { k = 3 } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_finished_experiment_shows_the_estimate_beside_what_it_measured()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var id = await SubmitAsync(client, "measured", "cpu");
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
            // Epoch 1 is the warm-up (no architecture step): it is not what the estimate describes.
            foreach (var (epoch, seconds, peak, updated) in new[] { (1, 1.0, 100L << 20, false), (2, 4.0, 300L << 20, true), (3, 6.0, 400L << 20, true) })
                db.EpochMetrics.Add(EpochRecord.From(id, new EpochMetrics
                {
                    Epoch = epoch, TrainLoss = 1, TrainTop1 = 10, LearningRate = 0.1, Seconds = seconds, ImagesPerSecond = 10,
                    PeakProcessBytes = peak, ArchitectureUpdated = updated,
                }, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var cost = (await client.GetFromJsonAsync<CostComparisonDto>($"/api/experiments/{id}/cost"))!;

        Assert.Equal((DeviceKinds.Cpu, 2, 400L << 20), (cost.DeviceKind, cost.MeasuredEpochs, cost.MeasuredPeakBytes));
        Assert.Equal(6.0, cost.MeasuredEpochSeconds);
        Assert.True(cost.EstimatedPeakBytes > 0 && cost.EstimatedEpochSeconds > 0);
        Assert.Equal(0, cost.CalibrationEpochs); // its own epochs never calibrate its estimate
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/experiments/{Guid.NewGuid()}/cost")).StatusCode);
    }

    [Fact]
    public async Task The_estimate_counts_what_the_host_process_held_and_calibrates_in_standalone_terms()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var hosted = await SubmitAsync(client, "in an API's process", "cpu");
        const long host = 900L << 20, peak = 1400L << 20;
        await AddEpochsAsync(api, hosted, hostBytes: null, peak);
        var standalone = (await client.GetFromJsonAsync<CostComparisonDto>($"/api/experiments/{hosted}/cost"))!;
        Assert.Null(standalone.HostBytes);

        // The same run, now known to have started in a process that already held 900 MiB (an API around its runner).
        await AddEpochsAsync(api, hosted, host, peak);
        var onHost = (await client.GetFromJsonAsync<CostComparisonDto>($"/api/experiments/{hosted}/cost"))!;
        Assert.Equal(host, onHost.HostBytes);
        Assert.Equal(peak, onHost.MeasuredPeakBytes);
        Assert.Equal(standalone.EstimatedPeakBytes + host - HostBaseline.StandaloneBytes, onHost.EstimatedPeakBytes);

        // A later run of the same spec is calibrated by the first one's peak less its host's share: what a standalone runner needs.
        var next = await SubmitAsync(client, "next", "cpu");
        var calibrated = (await client.GetFromJsonAsync<CostComparisonDto>($"/api/experiments/{next}/cost"))!;
        Assert.Equal(1, calibrated.CalibrationEpochs);
        Assert.InRange(calibrated.EstimatedPeakBytes, peak - host + HostBaseline.StandaloneBytes - 1024, peak - host + HostBaseline.StandaloneBytes + 1024);
    }

    /// <summary>Replaces <paramref name="id"/>'s epochs by one warm-up epoch and one measured epoch of <paramref name="peak"/>.</summary>
    private static async Task AddEpochsAsync(ApiFactory api, Guid id, long? hostBytes, long peak)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        await db.EpochMetrics.Where(r => r.ExperimentId == id).ExecuteDeleteAsync();
        foreach (var (epoch, updated) in new[] { (1, false), (2, true) })
            db.EpochMetrics.Add(EpochRecord.From(id, new EpochMetrics
            {
                Epoch = epoch, TrainLoss = 1, TrainTop1 = 10, LearningRate = 0.1, Seconds = 5, ImagesPerSecond = 10,
                PeakProcessBytes = peak, HostProcessBytes = hostBytes, ArchitectureUpdated = updated,
            }, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, string name, string queue)
    {
        var spec = new Dictionary<string, object?> { ["dataset"] = "synthetic", ["epochs"] = 3, ["warmupEpochs"] = 1, ["subset"] = 64, ["queue"] = queue };
        var response = await client.PostAsJsonAsync("/api/experiments/search", new { name, spec });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ExperimentDto>())!.Id;
    }

    private static async Task<ExperimentDto> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{id}"))!;

    private static async Task AddRunnerAsync(ApiFactory api, string name, bool busy, long memory)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        await db.Runners.Where(r => r.Name == name).ExecuteDeleteAsync();
        var now = DateTimeOffset.UtcNow;
        db.Runners.Add(new Runner
        {
            Name = name, Host = "node", Device = "CPU, 2 cores, 8.0 GiB RAM", DeviceKind = DeviceKinds.Cpu, DeviceMemoryBytes = memory,
            Queues = ["cpu"], Workers = 1, StartedAt = now, HeartbeatAt = now, CurrentExperimentId = busy ? Guid.NewGuid() : null,
        });
        await db.SaveChangesAsync();
    }
}
