using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests.Live;

/// <summary>`pcdarts wait --cancel-on-timeout`, `logs` and `delete` with their exit codes, against the real API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientVerbsTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Wait_cancel_on_timeout_exits_3_and_cancels_then_logs_shows_why_and_delete_removes_it()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch()); // no runner: it stays queued

        var noTimeout = await CliProcess.RunAsync(Limit, "wait", id.ToString(), "--server", api.Server, "--cancel-on-timeout");
        Assert.True(noTimeout.ExitCode == 2, noTimeout.ToString());
        Assert.Contains("--cancel-on-timeout needs --timeout", noTimeout.Stderr);

        var wait = await CliProcess.RunAsync(Limit, "wait", id.ToString(), "--server", api.Server, "--timeout", "1", "--cancel-on-timeout");
        Assert.True(wait.ExitCode == 3, wait.ToString());
        Assert.Contains("cancel requested", wait.Stderr);
        Assert.Equal("cancelled", (await api.Http.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}")).GetProperty("status").GetString());

        var logs = await CliProcess.RunAsync(Limit, "logs", id.ToString(), "--server", api.Server, "--follow");
        Assert.True(logs.ExitCode == 1, logs.ToString()); // followed to its end: cancelled
        Assert.Contains(logs.Stdout, l => l.EndsWith("info    cancelled while queued"));

        var delete = await CliProcess.RunAsync(Limit, "delete", id.ToString(), "--server", api.Server);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        var gone = await CliProcess.RunAsync(Limit, "get", id.ToString(), "--server", api.Server);
        Assert.True(gone.ExitCode == 2, gone.ToString());
        var again = await CliProcess.RunAsync(Limit, "delete", id.ToString(), "--server", api.Server);
        Assert.True(again.ExitCode == 2, again.ToString());

        var refused = await CliProcess.RunWithAsync(Limit, new Dictionary<string, string?>(), "delete", Guid.NewGuid().ToString(), "--server", api.Server);
        Assert.True(refused.ExitCode == 5, refused.ToString());
    }
}
