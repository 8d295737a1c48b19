using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Engine.Data;

namespace PcDarts.Api.Tests;

/// <summary>
/// Jobs on registered data sets, run by the embedded runner. The sets are registered before the runner starts (a first
/// API host without one), so its first heartbeat already reports which of them it can read.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RegisteredDatasetJobTests(PostgresCluster cluster)
{
    private static readonly string Runner = $"embedded-{Environment.MachineName}";

    [Fact]
    public async Task A_registered_idx_set_is_searched_and_retrained_end_to_end_and_its_runner_reports_it_readable()
    {
        var database = await RegisterAsync(new { name = "fashion-idx", format = "idx", path = DatasetCatalog.FashionMnistDefaultDir, imageSize = 28, classes = 10 });
        await using var api = new ApiFactory(database, embeddedRunner: true);
        using var client = api.CreateClient();

        var runner = (await client.GetFromJsonAsync<List<RunnerDto>>("/api/runners"))!.Single(r => r.Name == Runner);
        Assert.Equal(["fashion-idx"], runner.Datasets);

        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 1, subset: 64, dataset: "fashion-idx"), "on fashion-idx");
        var experiment = await Polling.WaitForStatusAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(180));
        Assert.True(experiment.GetProperty("status").GetString() == "succeeded", experiment.ToString());
        Assert.Equal("fashion-idx", experiment.GetProperty("search").GetProperty("dataset").GetString());
        Assert.Equal(1, experiment.GetProperty("epochsCompleted").GetInt32());

        var retrain = await client.PostAsJsonAsync("/api/experiments/retrain", new
        {
            name = "retrain on fashion-idx",
            fromExperimentId = id,
            spec = new { dataset = "fashion-idx", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 64, cutout = 0, auxiliaryWeight = 0 },
        });
        Assert.True(retrain.IsSuccessStatusCode, await retrain.Content.ReadAsStringAsync());
        var retrainId = (await retrain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var retrained = await Polling.WaitForStatusAsync(client, retrainId, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(180));
        Assert.True(retrained.GetProperty("status").GetString() == "succeeded", retrained.ToString());
    }

    [Fact]
    public async Task A_registered_set_the_runner_cannot_read_fails_the_job_at_once_naming_the_path_and_the_runner()
    {
        const string missing = "/nonexistent/registered-data/flowers";
        var database = await RegisterAsync(new { name = "flowers", format = "idx", path = missing, imageSize = 28, classes = 10 });
        await using var api = new ApiFactory(database, embeddedRunner: true);
        using var client = api.CreateClient();

        Assert.Empty((await client.GetFromJsonAsync<List<RunnerDto>>("/api/runners"))!.Single(r => r.Name == Runner).Datasets);

        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 50, subset: null, dataset: "flowers"), "on flowers");
        var experiment = await Polling.WaitForStatusAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(30));
        Assert.Equal("failed", experiment.GetProperty("status").GetString());
        var error = experiment.GetProperty("error").GetString()!;
        Assert.Contains(missing, error);
        Assert.Contains($"runner '{Runner}'", error);
        Assert.Equal(0, experiment.GetProperty("epochsCompleted").GetInt32());
        // Failed before any network was built: the attempt ended within seconds of its start.
        var attempt = experiment.GetProperty("attempts").EnumerateArray().Single();
        Assert.True(attempt.GetProperty("finishedAt").GetDateTimeOffset() - attempt.GetProperty("startedAt").GetDateTimeOffset() < TimeSpan.FromSeconds(5), attempt.ToString());
    }

    /// <summary>A fresh database with <paramref name="dataset"/> registered through REST by an API host without a runner.</summary>
    private async Task<string> RegisterAsync(object dataset)
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(database, embeddedRunner: false);
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/datasets", dataset);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return database;
    }
}
