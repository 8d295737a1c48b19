using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests.Live;

/// <summary>`pcdarts list` with the leaderboard's filters and sort, against the real API on a loopback port.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ListCliTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task List_filters_by_tag_and_kind_sorts_by_name_and_stops_at_the_limit()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        foreach (var (name, tag) in new[] { ("bravo", "grid"), ("alpha", "grid"), ("charlie", "grid"), ("delta", "other") })
            (await api.Http.PostAsJsonAsync("/api/experiments/search", new { name, tags = new[] { tag }, spec = Specs.TinySearch() })).EnsureSuccessStatusCode();

        var all = await CliProcess.RunAsync(Limit, "list", "--server", api.Server, "--tag", "grid", "--kind", "search", "--status", "queued", "--sort", "-name", "--json");
        var firstTwo = await CliProcess.RunAsync(Limit, "list", "--server", api.Server, "--tag", "grid", "--sort", "name", "--limit", "2", "--json");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(["charlie", "bravo", "alpha"], Names(all.Stdout));
        Assert.True(firstTwo.ExitCode == 0, firstTwo.ToString());
        Assert.Equal(["alpha", "bravo"], Names(firstTwo.Stdout));
    }

    private static List<string?> Names(IEnumerable<string> lines) =>
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()).ToList();
}
