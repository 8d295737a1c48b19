using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Web.Components;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

public sealed class RunnerDatasetsTests : BunitContext
{
    [Fact]
    public void Each_registered_set_shows_which_runners_can_read_its_folder()
    {
        Services.AddSingleton<IDatasetsData>(new Registered());
        var at = DateTimeOffset.UtcNow;
        RunnerDto Runner(string name, params string[] readable) =>
            new(name, "host", "cpu (2 cores)", ["cpu"], 1, at, at, true, null) { Datasets = readable };

        var cut = Render<RunnerDatasets>(p => p.Add(c => c.Runners, [Runner("gpu-1", "flowers"), Runner("cpu-1")]));

        Assert.Equal("yes", cut.Find("tr[data-dataset=flowers] td[data-runner=gpu-1]").GetAttribute("data-readable"));
        Assert.Equal("no", cut.Find("tr[data-dataset=flowers] td[data-runner=cpu-1]").GetAttribute("data-readable"));
        Assert.Contains("cannot read", cut.Find("tr[data-dataset=flowers] td[data-runner=cpu-1]").TextContent);
        Assert.Contains("/data/flowers", cut.Find("tr[data-dataset=flowers]").TextContent);
    }

    private sealed class Registered : IDatasetsData
    {
        public Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DatasetDto>>(
            [new("flowers", "image-folder", "/data/flowers", 64, 102, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)]);
        public Task<IReadOnlyList<DatasetChoice>> ListChoicesAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public Task<AccountResult<DatasetDto>> CreateAsync(DatasetRequest request, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<AccountResult<DatasetDto>> UpdateAsync(string name, DatasetRequest request, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string?> DeleteAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
