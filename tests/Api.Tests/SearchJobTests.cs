using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Engine.Interop;
using Xunit.Abstractions;

namespace PcDarts.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SearchJobTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Tiny_search_submitted_over_http_succeeds_with_one_metrics_row_per_epoch_and_a_parsable_genotype()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var client = api.CreateClient();

        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 3));
        var experiment = await Polling.WaitForStatusAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(120));

        Assert.True(experiment.GetProperty("status").GetString() == "succeeded", experiment.ToString());
        var pickup = experiment.GetProperty("startedAt").GetDateTimeOffset() - experiment.GetProperty("createdAt").GetDateTimeOffset();
        output.WriteLine($"pickup latency {pickup.TotalMilliseconds:F0} ms");

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
        Assert.Equal([1, 2, 3], metrics.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        var later = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics?afterEpoch=2");
        Assert.Equal([3], later.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));

        var architecture = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/architecture");
        Assert.Equal(3, architecture.GetArrayLength());

        var darts = await client.GetStringAsync($"/api/experiments/{id}/genotype?format=darts");
        var genotype = Genotype.Parse(darts);
        Assert.Equal(3, genotype.Nodes);
        Assert.Equal(genotype, Genotype.FromJson(await client.GetStringAsync($"/api/experiments/{id}/genotype?format=json")));
        Assert.StartsWith("<svg", (await client.GetStringAsync($"/api/experiments/{id}/genotype?format=svg")).TrimStart());

        var weights = await client.GetAsync($"/api/experiments/{id}/weights");
        weights.EnsureSuccessStatusCode();
        Assert.True((await weights.Content.ReadAsByteArrayAsync()).Length > 0);

        var retrainResponse = await client.PostAsJsonAsync("/api/experiments/retrain", new
        {
            name = "retrain tiny",
            fromExperimentId = id,
            spec = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 64, threads = 1, cutout = 0 },
        });
        Assert.True(retrainResponse.IsSuccessStatusCode, await retrainResponse.Content.ReadAsStringAsync());
        var retrainId = (await retrainResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var retrain = await Polling.WaitForStatusAsync(client, retrainId, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromSeconds(120));
        Assert.True(retrain.GetProperty("status").GetString() == "succeeded", retrain.ToString());
        Assert.Equal(id, retrain.GetProperty("derivedFromId").GetGuid());
        Assert.Equal(genotype, Genotype.Parse(await client.GetStringAsync($"/api/experiments/{retrainId}/genotype?format=darts")));
        Assert.Equal(1, retrain.GetProperty("epochsCompleted").GetInt32());

        // The retrain's weights as a PyTorch state_dict under the authors' names hold the same numbers; a search has none.
        var stored = await client.GetByteArrayAsync($"/api/experiments/{retrainId}/weights");
        var pytorch = await client.GetByteArrayAsync($"/api/experiments/{retrainId}/weights?format=pytorch");
        Assert.Equal("PK"u8.ToArray(), pytorch[..2]);
        Assert.True(SameTensors(stored, pytorch, genotype));
        var searchAsPyTorch = await client.GetAsync($"/api/experiments/{id}/weights?format=pytorch");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, searchAsPyTorch.StatusCode);
        Assert.Contains("\"format\"", await searchAsPyTorch.Content.ReadAsStringAsync());
    }

    /// <summary>Both files loaded into networks of the shape each describes: every parameter and buffer equal.</summary>
    private static bool SameTensors(byte[] stored, byte[] pytorch, Genotype genotype)
    {
        var storedPath = Path.GetTempFileName();
        var pytorchPath = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(storedPath, stored);
            File.WriteAllBytes(pytorchPath, pytorch);
            using var ours = PcDarts.Engine.Evaluation.EvalNetwork.Create(WeightShapes.Describe(storedPath), genotype, TorchSharp.torch.CPU);
            using var theirs = PcDarts.Engine.Evaluation.EvalNetwork.Create(WeightShapes.Describe(pytorchPath), genotype, TorchSharp.torch.CPU);
            NetworkWeights.Load(ours, storedPath);
            NetworkWeights.Load(theirs, pytorchPath);
            var theirState = theirs.state_dict();
            return ours.state_dict().All(entry => entry.Value.Equals(theirState[entry.Key]));
        }
        finally
        {
            File.Delete(storedPath);
            File.Delete(pytorchPath);
        }
    }
}
