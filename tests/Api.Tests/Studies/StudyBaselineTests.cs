using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Genotypes;

namespace PcDarts.Api.Tests.Studies;

[Collection(PostgresCollection.Name)]
public sealed class StudyBaselineTests(PostgresCluster cluster)
{
    private static readonly object TinyRetrain = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 32, threads = 1, cutout = 0 };

    private static object Study(object grid, object? retrain, int random) =>
        new { name = "Baseline", grid, search = Specs.TinySearch(epochs: 1, subset: 32), retrain, baselines = new { random } };

    [Fact]
    public async Task Random_baselines_are_retrains_of_seeded_random_genotypes_linked_to_the_study()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var created = await client.PostAsJsonAsync("/api/studies", Study(new { seed = new[] { 5, 3, 4 } }, TinyRetrain, random: 2));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Seeds follow the grid's order: the first two of 5, 3, 4.
        var page = await client.GetFromJsonAsync<ExperimentPage>($"/api/experiments?study={id}&origin=random&sort=name");
        Assert.Equal(2, page!.Total);
        foreach (var (row, seed) in page.Items.Zip(new[] { 3, 5 }))
        {
            var experiment = await client.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{row.Id}");
            Assert.Equal(ExperimentKinds.Retrain, experiment!.Kind);
            Assert.Equal(ExperimentOrigins.Random, experiment.Origin);
            Assert.Equal(id, experiment.StudyId);
            Assert.Null(experiment.DerivedFromId);
            Assert.Equal(seed, experiment.Seed);
            Assert.Equal(seed, experiment.Retrain!.Seed);
            Assert.Equal($"Baseline · random · seed {seed}", experiment.Name);
            // The search spec's three nodes.
            Assert.Equal(RandomGenotype.Sample(seed, 3).ToDartsText(), experiment.Genotype);
        }
        Assert.Equal(5, (await client.GetFromJsonAsync<ExperimentPage>($"/api/experiments?study={id}"))!.Total);

        var study = await client.GetFromJsonAsync<StudyDto>($"/api/studies/{id}");
        Assert.Equal([5, 3], study!.RandomMembers.Select(r => r.Seed));
        Assert.Equal(3, study.Members.Count);
        Assert.Equal(ExperimentStatuses.Queued, study.Status);
        // Nothing retrained yet: the comparison is there, its random side still empty.
        Assert.Equal(0, Assert.Single(study.Comparisons).Random.N);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(17, true)]
    [InlineData(1, false)]
    public async Task A_bad_baseline_is_refused_naming_the_field_and_writes_nothing(int random, bool withRetrain)
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/studies", Study(new { seed = new[] { 1 } }, withRetrain ? TinyRetrain : null, random));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("baselines.random", out _), $"no error for baselines.random: {errors}");
        Assert.Equal(0, await api.CountExperimentsAsync());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/studies")).EnumerateArray());
    }

    [Fact]
    public async Task A_tiny_study_with_a_random_baseline_finishes_and_compares_its_searches_with_it()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var client = api.CreateClient();
        var created = await client.PostAsJsonAsync("/api/studies", Study(new { seed = new[] { 1, 2 } }, TinyRetrain, random: 2));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var json = await StudyApiTests.WaitForStudyAsync(client, id, s => s is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(json.GetProperty("status").GetString() == "succeeded", json.ToString());

        var study = json.Deserialize<StudyDto>(JsonSerializerOptions.Web)!;
        Assert.All(study.RandomMembers, r => Assert.NotNull(r.TestTop1));
        var comparison = Assert.Single(study.Comparisons);
        Assert.Equal(2, comparison.Random.N);
        Assert.NotNull(comparison.Random.Mean);
        Assert.Equal(comparison.Searched.Mean - comparison.Random.Mean, comparison.Difference);
        Assert.NotNull(comparison.SearchSeconds.Mean);
        foreach (var member in study.Members)
        {
            // The in-process runner's host is this whole test process: its share is replaced by a standalone runner's.
            var epochs = (await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{member.SearchId}/metrics")).GetProperty("epochs").EnumerateArray()
                .Select(e => e.GetProperty("peakProcessBytes").GetInt64() - e.GetProperty("hostProcessBytes").GetInt64() + HostBaseline.StandaloneBytes);
            Assert.Equal(epochs.Max(), member.SearchPeakBytes);
        }
        Assert.Equal(2, Assert.Single(study.Configurations).SearchPeakBytes.N);
        if (comparison.Interval is { } interval) Assert.InRange(comparison.Difference!.Value, interval.Low, interval.High);
    }
}
