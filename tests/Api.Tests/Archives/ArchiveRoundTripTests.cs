using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Api.Tests.Live;
using PcDarts.Core.Contracts;

namespace PcDarts.Api.Tests.Archives;

/// <summary>`pcdarts export` then `pcdarts import`: the copy holds the same data, byte for byte where it is bytes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ArchiveRoundTripTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task An_exported_and_imported_search_has_equal_metrics_alpha_beta_genotype_log_and_byte_equal_weights()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch());
        await Polling.WaitForStatusAsync(api.Http, id, s => s == ExperimentStatuses.Succeeded, Limit);
        var folder = Directory.CreateTempSubdirectory("pcdarts-archive-");
        try
        {
            await RoundTripAsync(api, id, Path.Combine(folder.FullName, "exp.tar.gz"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RoundTripAsync(LiveApiHost api, Guid id, string archive)
    {

        var export = await CliProcess.RunAsync(Limit, "export", id.ToString(), "--server", api.Server, "--out", archive);
        Assert.True(export.ExitCode == 0, export.ToString());
        var import = await CliProcess.RunAsync(Limit, "import", archive, "--server", api.Server);
        Assert.True(import.ExitCode == 0, import.ToString());
        var copy = Guid.Parse(import.Stdout.Single());
        Assert.NotEqual(id, copy);

        var original = await api.Http.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{id}");
        var imported = await api.Http.GetFromJsonAsync<ExperimentDto>($"/api/experiments/{copy}");
        Assert.Equal(id, imported!.ImportedFromId);
        Assert.Equal((original!.Kind, original.Name, original.Status, original.Search, original.Genotype, original.EpochsCompleted, original.BestValidTop1, original.Parameters),
            (imported.Kind, imported.Name, imported.Status, imported.Search, imported.Genotype, imported.EpochsCompleted, imported.BestValidTop1, imported.Parameters));
        foreach (var path in new[] { "metrics", "metrics?format=csv", "architecture", "genotype?format=darts" })
            Assert.Equal(await TextAsync(api, $"/api/experiments/{id}/{path}"), (await TextAsync(api, $"/api/experiments/{copy}/{path}")).Replace(copy.ToString(), id.ToString()));
        var weights = await api.Http.GetByteArrayAsync($"/api/experiments/{id}/weights");
        Assert.NotEmpty(weights);
        Assert.Equal(weights, await api.Http.GetByteArrayAsync($"/api/experiments/{copy}/weights"));

        var logs = await api.Http.GetFromJsonAsync<LogPage>($"/api/experiments/{id}/logs");
        var importedLogs = await api.Http.GetFromJsonAsync<LogPage>($"/api/experiments/{copy}/logs");
        Assert.Equal(logs!.Lines, importedLogs!.Lines.SkipLast(1));
        Assert.StartsWith($"imported from experiment {id}", importedLogs.Lines[^1].Text);
    }

    private static async Task<string> TextAsync(LiveApiHost api, string path)
    {
        var response = await api.Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
