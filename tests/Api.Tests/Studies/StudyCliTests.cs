using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Api.Tests.Live;

namespace PcDarts.Api.Tests.Studies;

/// <summary>`pcdarts submit study` as a CI script runs it, against the real API on a loopback port.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StudyCliTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Submit_study_with_wait_prints_one_line_per_configuration_and_a_bad_grid_exits_2_naming_it()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        var spec = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(spec, JsonSerializer.Serialize(new { name = "cli study", grid = new { seed = new[] { 1, 2 } }, search = Specs.TinySearch(epochs: 1) }));

            var run = await CliProcess.RunAsync(Limit, "submit", "study", "--server", api.Server, "--spec", spec, "--wait");

            Assert.True(run.ExitCode == 0, run.ToString());
            var line = Assert.Single(run.Stdout, l => l.StartsWith("all\t", StringComparison.Ordinal));
            Assert.Contains("(n=2)", line);
            Assert.Contains(run.Stdout, l => l.StartsWith("best:", StringComparison.Ordinal));

            File.WriteAllText(spec, """{"name":"bad","grid":{"k":[3]},"search":{"dataset":"synthetic"}}""");
            var refused = await CliProcess.RunAsync(Limit, "submit", "study", "--server", api.Server, "--spec", spec);
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains("grid.k", refused.Stderr);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task Submit_study_with_a_random_baseline_prints_one_comparison_line_per_configuration()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        var spec = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.json");
        try
        {
            var retrain = new { dataset = "synthetic", epochs = 1, batchSize = 16, channels = 4, layers = 3, subset = 32, threads = 1, cutout = 0 };
            File.WriteAllText(spec, JsonSerializer.Serialize(new
            {
                name = "cli baseline", grid = new { seed = new[] { 1, 2 } }, search = Specs.TinySearch(epochs: 1, subset: 32), retrain, baselines = new { random = 2 },
            }));

            var run = await CliProcess.RunAsync(Limit, "submit", "study", "--server", api.Server, "--spec", spec, "--wait");

            Assert.True(run.ExitCode == 0, run.ToString());
            var line = Assert.Single(run.Stdout, l => l.StartsWith("vs random\tall\t", StringComparison.Ordinal));
            Assert.Contains("searched ", line);
            Assert.Contains("(n=2)\tdifference ", line);
            Assert.Contains("95% CI [", line);
            Assert.Contains("2 random genotypes retrained as the baseline", run.Stderr);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task Delete_study_refuses_with_exit_2_while_members_are_queued_then_removes_the_study_and_its_members()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var id = await StudyDeletionTests.CreateAsync(api.Http, new { seed = new[] { 1, 2 } }); // no runner: both stay queued

        var refused = await CliProcess.RunAsync(Limit, "delete", "study", id.ToString(), "--server", api.Server);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("cancel it first", refused.Stderr);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await api.Http.PostAsync($"/api/studies/{id}/cancel", null)).StatusCode);
        await StudyApiTests.WaitForStudyAsync(api.Http, id, s => s == "cancelled", TimeSpan.FromSeconds(30));
        var members = (await api.Http.GetFromJsonAsync<JsonElement>($"/api/studies/{id}")).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("searchId").GetGuid()).ToList();

        var deleted = await CliProcess.RunAsync(Limit, "delete", "study", id.ToString(), "--server", api.Server);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains($"deleted study {id}", deleted.Stderr);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/studies/{id}")).StatusCode);
        foreach (var member in members)
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/experiments/{member}")).StatusCode);

        var again = await CliProcess.RunAsync(Limit, "delete", "study", id.ToString(), "--server", api.Server);
        Assert.True(again.ExitCode == 2, again.ToString());
    }
}
