using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Tests;

/// <summary>The architectures view and the lineage filter, over experiments stored as runs leave them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ArchitecturesApiTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Each_distinct_genotype_is_listed_once_with_its_searches_and_best_retrain()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var client = api.CreateClient();
        var pc = PublishedGenotypes.Get("PC_DARTS_cifar");
        // The same edges, each node's pair written the other way round: one architecture.
        var pcSwapped = new Genotype(Swap(pc.Normal), pc.NormalConcat, Swap(pc.Reduce), pc.ReduceConcat);
        var other = PublishedGenotypes.Get(PublishedGenotypes.Names.First(n => PublishedGenotypes.Get(n).Normalize() != pc.Normalize()));
        var first = await AddAsync(api, ExperimentKinds.Search, pc, top1: 60, seconds: 100);
        var second = await AddAsync(api, ExperimentKinds.Search, pcSwapped, top1: 65, seconds: 300);
        var lone = await AddAsync(api, ExperimentKinds.Search, other, top1: 70, seconds: 50, dataset: "fashion-mnist");
        await AddAsync(api, ExperimentKinds.Retrain, pc, top1: 90, from: first, parameters: 3_600_000);
        var best = await AddAsync(api, ExperimentKinds.Retrain, pcSwapped, top1: 95, from: second, parameters: 3_700_000);
        await AddAsync(api, ExperimentKinds.Search, pc, top1: 99, seconds: 1, status: ExperimentStatuses.Running);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/architectures");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var found = items[0]; // retrained first
        Assert.Equal(pc.Normalize().ToDartsText(), found.GetProperty("genotype").GetString());
        Assert.Equal(2, found.GetProperty("searches").GetInt32());
        Assert.Equal(65, found.GetProperty("bestSearchTop1").GetDouble());
        Assert.Equal(200, found.GetProperty("meanSearchSeconds").GetDouble());
        Assert.Equal(2, found.GetProperty("retrains").GetInt32());
        Assert.Equal(95, found.GetProperty("bestRetrainTop1").GetDouble());
        Assert.Equal(best, found.GetProperty("bestRetrainId").GetGuid());
        Assert.Equal(3_700_000, found.GetProperty("parameters").GetInt64());
        Assert.Equal(lone, items[1].GetProperty("searchIds")[0].GetGuid());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("bestRetrainTop1").ValueKind);

        var fashion = await client.GetFromJsonAsync<JsonElement>("/api/architectures?dataset=fashion-mnist");
        Assert.Equal(1, fashion.GetProperty("total").GetInt32());
        var lineage = await client.GetFromJsonAsync<JsonElement>($"/api/experiments?derivedFrom={second}");
        Assert.Equal(best, Assert.Single(lineage.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    private static List<GenotypeEdge> Swap(IReadOnlyList<GenotypeEdge> edges) =>
        edges.Chunk(Genotype.EdgesPerNode).SelectMany(pair => pair.Reverse()).ToList();

    /// <summary>An experiment as a finished run leaves it: genotype, best accuracy of its kind, compute, size.</summary>
    private static async Task<Guid> AddAsync(ApiFactory api, string kind, Genotype genotype, double top1, double seconds = 10,
        Guid? from = null, long? parameters = null, string dataset = "synthetic", string status = ExperimentStatuses.Succeeded)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcDartsDbContext>();
        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(), Kind = kind, Name = $"{kind} {top1}", Spec = $$"""{"dataset":"{{dataset}}"}""", Queue = "cpu",
            Status = status, CreatedAt = DateTimeOffset.UtcNow, Genotype = genotype.ToDartsText(), DerivedFromId = from,
            SearchTop1 = kind == ExperimentKinds.Search ? top1 : null, RetrainTop1 = kind == ExperimentKinds.Retrain ? top1 : null,
            ComputeSeconds = seconds, EpochsCompleted = 1, Parameters = parameters,
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }
}
