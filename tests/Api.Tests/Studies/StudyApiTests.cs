using PcDarts.Core.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests.Studies;

[Collection(PostgresCollection.Name)]
public sealed class StudyApiTests(PostgresCluster cluster)
{
    private static readonly object TinyRetrain = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 64, threads = 1, cutout = 0 };

    private static object Study(object grid, object? retrain = null, object? search = null) =>
        new { name = "K ablation", grid, search = search ?? Specs.TinySearch(epochs: 2), retrain };

    [Fact]
    public async Task Two_seeds_by_two_k_values_run_four_searches_and_four_retrains_and_report_their_mean_and_std()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var client = api.CreateClient();

        var created = await client.PostAsJsonAsync("/api/studies", Study(new { seed = new[] { 1, 2 }, k = new[] { 2, 4 } }, TinyRetrain));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var study = await WaitForStudyAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(study.GetProperty("status").GetString() == "succeeded", study.ToString());
        var members = study.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(4, members.Count);
        Assert.All(members, m => Assert.Equal("succeeded", m.GetProperty("retrainStatus").GetString()));

        // Every member is a normal experiment linked to the study; each retrain trains its own search's genotype.
        foreach (var member in members)
        {
            var search = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{member.GetProperty("searchId")}");
            var retrain = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{member.GetProperty("retrainId")}");
            Assert.Equal(id, search.GetProperty("studyId").GetGuid());
            Assert.Equal(id, retrain.GetProperty("studyId").GetGuid());
            Assert.Equal(search.GetProperty("id").GetGuid(), retrain.GetProperty("derivedFromId").GetGuid());
            Assert.Equal(search.GetProperty("genotype").GetString(), retrain.GetProperty("genotype").GetString());
        }

        foreach (var k in new[] { 2, 4 })
        {
            var configuration = study.GetProperty("configurations").EnumerateArray().Single(c => c.GetProperty("configuration").GetString() == $"k={k}");
            var ofK = members.Where(m => m.GetProperty("configuration").GetString() == $"k={k}").ToList();
            Assert.Equal(2, ofK.Count);
            var searchTop1 = await FinalTop1Async(client, ofK.Select(m => m.GetProperty("searchId").GetGuid()));
            var retrainTop1 = await FinalTop1Async(client, ofK.Select(m => m.GetProperty("retrainId").GetGuid()));
            AssertMeanStd(searchTop1, configuration.GetProperty("searchTop1"));
            AssertMeanStd(retrainTop1, configuration.GetProperty("retrainTop1"));
        }
        var best = study.GetProperty("best").GetProperty("retrainTop1").GetDouble();
        Assert.Equal(members.Max(m => m.GetProperty("retrainTop1").GetDouble()), best);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/studies");
        Assert.Equal(4, listed.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("finishedMembers").GetInt32());
    }

    [Fact]
    public async Task Cancelling_a_study_cancels_every_member_and_starts_no_retrain()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var created = await client.PostAsJsonAsync("/api/studies", Study(new { seed = new[] { 1, 2, 3 } }, TinyRetrain));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var cancel = await client.PostAsync($"/api/studies/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var study = await WaitForStudyAsync(client, id, s => s == "cancelled", TimeSpan.FromSeconds(30));
        var members = study.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(3, members.Count);
        foreach (var member in members)
        {
            Assert.Equal("cancelled", member.GetProperty("searchStatus").GetString());
            var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{member.GetProperty("searchId")}");
            Assert.Equal("cancelled", experiment.GetProperty("status").GetString());
        }
        Assert.Equal(3, await api.CountExperimentsAsync());

        // The list filters to a study's members: a lone search beside them is left out.
        var lone = await Polling.SubmitAsync(client, Specs.TinySearch(), name: "lone");
        var page = await client.GetFromJsonAsync<ExperimentPage>($"/api/experiments?study={id}");
        Assert.Equal(members.Select(m => m.GetProperty("searchId").GetGuid()).Order(), page!.Items.Select(i => i.Id).Order());
        Assert.DoesNotContain(page.Items, i => i.Id == lone);
    }

    [Theory]
    [InlineData("""{"name":"s","grid":{"kk":[2]},"search":{"dataset":"synthetic"}}""", "grid.kk")]
    [InlineData("""{"name":"s","grid":{"k":[3]},"search":{"dataset":"synthetic"}}""", "grid.k")]
    [InlineData("""{"name":"s","grid":{"k":["two"]},"search":{"dataset":"synthetic"}}""", "grid.k")]
    [InlineData("""{"name":"s","grid":{"seed":[1]},"search":{"dataset":"synthetic","epochs":0}}""", "search.epochs")]
    [InlineData("""{"name":"s","grid":{"seed":[1]},"search":{"dataset":"synthetic"},"retrain":{"epochs":-1}}""", "retrain.epochs")]
    [InlineData("""{"name":"","grid":{"seed":[1]}}""", "name")]
    public async Task A_bad_study_is_refused_naming_the_field_and_writes_nothing(string body, string field)
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var response = await client.PostAsync("/api/studies", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(0, await api.CountExperimentsAsync());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/studies")).EnumerateArray());
    }

    private static void AssertMeanStd(double[] values, JsonElement stat)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal(values.Length, stat.GetProperty("n").GetInt32());
        Assert.Equal(mean, stat.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(std, stat.GetProperty("std").GetDouble(), 9);
    }

    /// <summary>Each experiment's last epoch's held-out top-1, read from its own metrics.</summary>
    private static async Task<double[]> FinalTop1Async(HttpClient client, IEnumerable<Guid> ids)
    {
        var values = new List<double>();
        foreach (var id in ids)
        {
            var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
            values.Add(metrics.GetProperty("epochs").EnumerateArray().Last().GetProperty("validTop1").GetDouble());
        }
        return values.ToArray();
    }

    internal static async Task<JsonElement> WaitForStudyAsync(HttpClient client, Guid id, Func<string, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var study = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{id}");
            if (done(study.GetProperty("status").GetString()!)) return study;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"study {id} did not finish in {timeout}: {study}");
            await Task.Delay(200);
        }
    }
}
