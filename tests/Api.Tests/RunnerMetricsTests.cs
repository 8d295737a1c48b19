using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests;

/// <summary>A runner process reports its device and serves its run meters on its own port, anonymously.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunnerMetricsTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_runner_reports_its_device_and_counts_the_epochs_it_runs_on_its_metrics_port()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var api = new ApiFactory(db, embeddedRunner: false);
        using var client = api.CreateClient();
        var port = FreePort();
        using var runner = RunnerProcess.Start(db, "metered", more: ["--metrics-port", port.ToString()]);
        var id = await Polling.SubmitAsync(client, Specs.TinySearch(epochs: 2));
        await Polling.WaitForStatusAsync(client, id, ExperimentStatuses.IsFinished, TimeSpan.FromSeconds(150));

        await using (var context = PersistenceExtensions.CreateContext(db))
        {
            var row = await context.Runners.SingleAsync(r => r.Name == "metered");
            Assert.Equal(DeviceKinds.Cpu, row.DeviceKind);
            Assert.True(row.DeviceMemoryBytes > 0);
            Assert.Matches(@"^CPU, \d+ cores, [\d.]+ GiB RAM$", row.Device);
        }
        using var scraper = new HttpClient(); // no credentials: the runner's port is its own
        var response = await scraper.GetAsync($"http://localhost:{port}/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"pcdarts_runner_epochs_completed_total\{[^}]*kind=""search""[^}]*\} 2\b", text);
        Assert.Contains("pcdarts_runner_epoch_step_time_seconds_bucket", text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
