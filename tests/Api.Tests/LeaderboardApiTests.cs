using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Api.Tests.Live;
using PcDarts.Core.Metrics;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests;

/// <summary>The experiments list as a leaderboard: every sort key, the filters, limit/offset paging, and a 400 for a bad key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderboardApiTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Sorts_by_the_accuracy_columns_kept_per_epoch_with_unfinished_runs_last()
    {
        var connection = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(connection, embeddedRunner: false);
        using var client = api.CreateClient();
        var low = await SubmitSearchAsync(client, "low", "synthetic", "ablation");
        var high = await SubmitSearchAsync(client, "high", "synthetic", "ablation");
        var fresh = await SubmitSearchAsync(client, "fresh", "fashion-mnist");
        var retrain = await SubmitRetrainAsync(client, "retrain");
        Commit(connection, low, (1, 30, 10), (2, 50, 12), (3, 40, 11));
        Commit(connection, high, (1, 70, 20));
        Commit(connection, retrain, (1, 91.5, 100));

        var bySearch = await ListAsync(client, "sort=-searchTop1");
        // Ties (no accuracy yet) go newest first.
        Assert.Equal([high, low, retrain, fresh], Ids(bySearch));
        // The best epoch counts, not the last: "low" peaked at 50 in epoch 2.
        Assert.Equal(50, Row(bySearch, low).GetProperty("searchTop1").GetDouble());
        Assert.Equal(33, Row(bySearch, low).GetProperty("computeSeconds").GetDouble());
        Assert.Equal(3, Row(bySearch, low).GetProperty("epochsCompleted").GetInt32());
        Assert.Equal(JsonValueKind.Null, Row(bySearch, low).GetProperty("retrainTop1").ValueKind);
        Assert.Equal([low, high, retrain, fresh], Ids(await ListAsync(client, "sort=searchTop1")));

        var byRetrain = await ListAsync(client, "sort=-retrainTop1&kind=retrain");
        Assert.Equal([retrain], Ids(byRetrain));
        Assert.Equal(91.5, Row(byRetrain, retrain).GetProperty("retrainTop1").GetDouble());
        Assert.Equal([retrain, low, high, fresh], Ids(await ListAsync(client, "sort=-cost")));
    }

    [Fact]
    public async Task Sorts_by_size_filters_by_dataset_tag_creator_status_and_pages_with_limit_and_offset()
    {
        var connection = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(connection, embeddedRunner: false);
        using var client = api.CreateClient();
        var small = await SubmitSearchAsync(client, "small", "synthetic", "ablation");
        var large = await SubmitSearchAsync(client, "large", "synthetic");
        var fashion = await SubmitSearchAsync(client, "fashion", "fashion-mnist", "ablation");
        await SetSizeAsync(api, small, 1_000, 50_000);
        await SetSizeAsync(api, large, 9_000, 20_000);

        Assert.Equal([large, small, fashion], Ids(await ListAsync(client, "sort=-parameters")));
        Assert.Equal([small, large, fashion], Ids(await ListAsync(client, "sort=-multiplyAdds")));
        Assert.Equal([fashion], Ids(await ListAsync(client, "dataset=fashion-mnist")));
        Assert.Equal([fashion, small], Ids(await ListAsync(client, "tag=ablation&sort=name")));
        Assert.Equal([small], Ids(await ListAsync(client, "tag=ablation&dataset=synthetic&kind=search&status=queued")));
        Assert.Equal(3, Ids(await ListAsync(client, $"creator={TestUsers.AdminEmail.ToUpperInvariant()}")).Count);
        Assert.Empty(Ids(await ListAsync(client, "creator=nobody@test.local")));
        Assert.Empty(Ids(await ListAsync(client, "status=running")));

        var second = await ListAsync(client, "sort=name&limit=1&offset=1");
        Assert.Equal([large], Ids(second));
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(1, second.GetProperty("offset").GetInt32());
        Assert.Equal([small], Ids(await ListAsync(client, "sort=name&limit=2&offset=2")));
    }

    [Fact]
    public async Task The_owner_retags_an_experiment_and_the_tag_filter_finds_it_another_member_may_not()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var alice = api.CreateClient();
        alice.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "alice@test.local", PcDarts.Core.Security.PlatformRoles.Member));
        using var bob = api.CreateClient();
        bob.UseToken(await TestUsers.CreateUserWithTokenAsync(api, "bob@test.local", PcDarts.Core.Security.PlatformRoles.Member));
        var id = await SubmitSearchAsync(alice, "mine", "synthetic", "draft");

        var retagged = await alice.PutAsJsonAsync($"/api/experiments/{id}/tags", new { tags = new[] { " k-ablation ", "seed-1", "k-ablation" } });
        var refused = await bob.PutAsJsonAsync($"/api/experiments/{id}/tags", new { tags = new[] { "bob" } });
        var invalid = await alice.PutAsJsonAsync($"/api/experiments/{id}/tags", new { tags = new[] { "" } });

        Assert.Equal(HttpStatusCode.OK, retagged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tags", out _));
        Assert.Equal([id], Ids(await ListAsync(alice, "tag=k-ablation")));
        Assert.Empty(Ids(await ListAsync(alice, "tag=draft")));
        var tags = (await alice.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        Assert.Equal(["k-ablation", "seed-1"], tags);
    }

    [Theory]
    [InlineData("sort=accuracy", "sort")]
    [InlineData("sort=--created", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=2&page=2", "offset")]
    public async Task Bad_sort_key_or_paging_is_a_400_naming_the_field(string query, string field)
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var response = await client.GetAsync($"/api/experiments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        if (field == "sort") Assert.Contains("retrainTop1", messages[0].GetString());
    }

    private static async Task<Guid> SubmitSearchAsync(HttpClient client, string name, string dataset, params string[] tags)
    {
        var response = await client.PostAsJsonAsync("/api/experiments/search", new { name, tags, spec = WithDataset(dataset) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, object?> WithDataset(string dataset)
    {
        var spec = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Specs.TinySearch()))!;
        spec["dataset"] = dataset;
        return spec;
    }

    private static async Task<Guid> SubmitRetrainAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/experiments/retrain",
            new { name, genotype = "PC_DARTS_cifar", spec = new { dataset = "synthetic", epochs = 2, batchSize = 8, channels = 4, layers = 3, subset = 16, threads = 1 } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Epochs (number, valid top-1, seconds) through the runner's own recorder, which keeps the sort columns.</summary>
    private static void Commit(string connection, Guid id, params (int Epoch, double Top1, double Seconds)[] epochs)
    {
        var recorder = RecordedEpochs.Recorder(connection, id);
        foreach (var (epoch, top1, seconds) in epochs)
            recorder.CommitEpoch(new EpochMetrics
            {
                Epoch = epoch, TrainLoss = 1, TrainTop1 = top1, ValidTop1 = top1, LearningRate = 0.1, Seconds = seconds,
                ImagesPerSecond = 10, PeakProcessBytes = 1 << 20,
            }, null, new byte[16]);
    }

    /// <summary>What the lifecycle stores when a run succeeds.</summary>
    private static async Task SetSizeAsync(ApiFactory api, Guid id, long parameters, long multiplyAdds)
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PcDartsDbContext>().Experiments.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Parameters, parameters).SetProperty(e => e.MultiplyAdds, multiplyAdds));
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/experiments?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

    private static JsonElement Row(JsonElement page, Guid id) => page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
}
