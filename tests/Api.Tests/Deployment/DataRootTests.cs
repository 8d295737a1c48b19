using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Deployment;
using PcDarts.Core.Specs;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>
/// A runner finds a platform job's data set under its data root (PcDarts__DataRoot, the read-only volume compose and
/// Kubernetes mount), not in the standard place; this machine has Fashion-MNIST in the standard place, so an empty
/// root must fail the job and a root holding a copy must run it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DataRootTests(PostgresCluster cluster) : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(180);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pcdarts-data-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_fashion_mnist_job_reads_the_data_set_from_the_runner_s_data_root()
    {
        const string standard = "/usr/share/datasets/fashion-mnist";
        Assert.True(File.Exists(Path.Combine(standard, "train-images-idx3-ubyte.gz")), "apt-get install dataset-fashion-mnist");
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        Directory.CreateDirectory(_root);

        using (RunnerProcess.Start(db, "empty-root", environment: Root()))
        {
            var failed = await Polling.WaitForStatusAsync(client, await Polling.SubmitAsync(client, Spec(), "no data"), ExperimentStatuses.IsFinished, Long);
            Assert.Equal("failed", failed.GetProperty("status").GetString());
            Assert.Contains(Path.Combine(_root, DatasetNames.FashionMnist), failed.GetProperty("error").GetString());
        }

        var folder = Directory.CreateDirectory(Path.Combine(_root, DatasetNames.FashionMnist)).FullName;
        foreach (var file in Directory.GetFiles(standard, "*-ubyte.gz")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        using (RunnerProcess.Start(db, "filled-root", environment: Root()))
        {
            var done = await Polling.WaitForStatusAsync(client, await Polling.SubmitAsync(client, Spec(), "data"), ExperimentStatuses.IsFinished, Long);
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        }
    }

    private Dictionary<string, string> Root() => new() { [SettingNames.EnvironmentVariable(SettingNames.DataRoot)] = _root };

    private static object Spec() => Specs.TinySearch(epochs: 1, dataset: DatasetNames.FashionMnist);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
