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
}
