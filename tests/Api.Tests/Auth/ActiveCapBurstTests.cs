using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace PcDarts.Api.Tests.Auth;

/// <summary>The active-experiment cap holds when one user submits many experiments in the same instant.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActiveCapBurstTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_burst_of_concurrent_submissions_queues_exactly_the_cap()
    {
        await using var factory = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        await using var api = factory.WithWebHostBuilder(b => b.UseSetting("PcDarts:Limits:MaxActiveExperiments", "3"));
        using var client = api.CreateClient();
        client.UseToken(TestUsers.AdminToken);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.PostAsJsonAsync("/api/experiments/search", new { name = $"burst {i}", spec = Specs.TinySearch() })));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await factory.CountExperimentsAsync());
    }
}
