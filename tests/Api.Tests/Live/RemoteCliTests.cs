using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.Api.Tests.Live;

/// <summary>The `pcdarts` client verbs as a CI script runs them, against the real API on a loopback port.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RemoteCliTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    private static readonly string[] TinySearchFlags =
        ["--dataset", "synthetic", "--channels", "4", "--layers", "3", "--nodes", "3", "--k", "2", "--batch-size", "16",
         "--subset", "64", "--epochs", "3", "--warmup-epochs", "1", "--threads", "1", "--seed", "7"];

    [Fact]
    public async Task Submit_search_with_wait_exits_0_and_the_downloaded_genotype_parses_as_DARTS_text()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: true);
        using var folder = new TempFolder();

        var submit = await CliProcess.RunAsync(Limit,
            ["submit", "search", "--server", api.Server, .. TinySearchFlags, "--name", "ci tiny", "--tag", "ci", "--tag", "tiny", "--wait", "--json"]);

        Assert.True(submit.ExitCode == 0, submit.ToString());
        var events = submit.Stdout.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var id = events[0].GetProperty("id").GetGuid();
        Assert.Equal(["ci", "tiny"], events[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([1, 2, 3], events.Where(e => Event(e) == "epochCompleted").Select(e => e.GetProperty("metrics").GetProperty("epoch").GetInt32()));
        Assert.Equal("succeeded", events.Last(e => Event(e) == "statusChanged").GetProperty("status").GetString());

        var genotypeFile = Path.Combine(folder.Path, "genotype.txt");
        var download = await CliProcess.RunAsync(Limit,
            "download", id.ToString(), "--server", api.Server, "--what", "genotype", "--format", "darts", "--out", genotypeFile);
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Equal(3, Genotype.Parse(File.ReadAllText(genotypeFile)).Nodes);

        var csvFile = Path.Combine(folder.Path, "metrics.csv");
        var metrics = await CliProcess.RunAsync(Limit, "download", id.ToString(), "--server", api.Server, "--what", "metrics", "--format", "csv", "--out", csvFile);
        Assert.True(metrics.ExitCode == 0, metrics.ToString());
        Assert.Equal(4, File.ReadAllLines(csvFile).Length);

        // A search's supernet has weights in the engine's format only; asking for PyTorch's is refused, naming the field.
        var weightsFile = Path.Combine(folder.Path, "weights.bin");
        var weights = await CliProcess.RunAsync(Limit, "download", id.ToString(), "--server", api.Server, "--what", "weights", "--out", weightsFile);
        var pytorch = await CliProcess.RunAsync(Limit, "download", id.ToString(), "--server", api.Server, "--what", "weights", "--format", "pytorch", "--out", weightsFile + ".pt");
        Assert.True(weights.ExitCode == 0, weights.ToString());
        Assert.True(new FileInfo(weightsFile).Length > 1000);
        Assert.True(pytorch.ExitCode == 2, pytorch.ToString());
        Assert.Contains("format", pytorch.Stderr);
        Assert.False(File.Exists(weightsFile + ".pt"));

        var list = await CliProcess.RunAsync(Limit, "list", "--server", api.Server, "--status", "succeeded", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.Stdout, l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Wait_exits_1_when_the_run_is_cancelled_and_3_on_timeout()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var id = await Polling.SubmitAsync(api.Http, Specs.TinySearch()); // no runner: it stays queued

        var timedOut = await CliProcess.RunAsync(Limit, "wait", id.ToString(), "--server", api.Server, "--timeout", "1");
        Assert.True(timedOut.ExitCode == 3, timedOut.ToString());
        Assert.Contains("timed out", timedOut.Stderr);

        using var wait = CliProcess.Start("wait", id.ToString(), "--server", api.Server, "--json");
        var deadline = DateTime.UtcNow + Limit;
        while (wait.StdoutLines.Count == 0) // the experiment line: it is following
        {
            Assert.True(DateTime.UtcNow < deadline, "wait printed nothing");
            await Task.Delay(50);
        }
        await Task.Delay(500);
        (await api.Http.PostAsync($"/api/experiments/{id}/cancel", null)).EnsureSuccessStatusCode();

        var cancelled = await wait.WaitAsync(Limit);
        Assert.True(cancelled.ExitCode == 1, cancelled.ToString());
        var last = JsonDocument.Parse(cancelled.Stdout[^1]).RootElement;
        Assert.Equal("statusChanged", Event(last));
        Assert.Equal("cancelled", last.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_the_server_refuses_is_one_line_naming_the_field_and_exit_code_2()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);

        var unknownSource = await CliProcess.RunAsync(Limit,
            "submit", "retrain", "--server", api.Server, "--dataset", "synthetic", "--from", Guid.NewGuid().ToString());
        Assert.True(unknownSource.ExitCode == 2, unknownSource.ToString());
        Assert.StartsWith("pcdarts: fromExperimentId: no experiment", unknownSource.Stderr);
        Assert.Single(unknownSource.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var longName = await CliProcess.RunAsync(Limit, ["submit", "search", "--server", api.Server, .. TinySearchFlags, "--name", new string('n', 201)]);
        Assert.True(longName.ExitCode == 2, longName.ToString());
        Assert.Equal("pcdarts: name: must be at most 200 characters", longName.Stderr.Trim());
        Assert.Empty((await api.Http.GetFromJsonAsync<JsonElement>("/api/experiments")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_stores_a_token_that_submit_uses_a_revoked_one_exits_5_and_a_viewer_is_told_its_role()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        using var member = new TempFolder();
        const string password = "member-password-1";
        (await api.Http.PostAsJsonAsync("/api/users", new { email = "ci@test.local", password, role = "member" })).EnsureSuccessStatusCode();
        var env = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = member.Path, ["PCDARTS_PASSWORD"] = password };

        var login = await CliProcess.RunWithAsync(Limit, env, "login", "--server", api.Server, "--email", "ci@test.local");
        Assert.True(login.ExitCode == 0, login.ToString());
        var file = Path.Combine(member.Path, "pcdarts", "credentials");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        // No --server, no token: both come from the file.
        var submit = await CliProcess.RunWithAsync(Limit, env, ["submit", "search", .. TinySearchFlags, "--name", "from login"]);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var created = await api.Http.GetFromJsonAsync<JsonElement>($"/api/experiments/{Guid.Parse(submit.Stdout[0])}");
        Assert.Equal("ci@test.local", created.GetProperty("createdBy").GetString());

        var tokenId = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("tokenId").GetGuid();
        (await api.Http.DeleteAsync($"/api/tokens/{tokenId}")).EnsureSuccessStatusCode();
        var revoked = await CliProcess.RunWithAsync(Limit, env, "list");
        Assert.True(revoked.ExitCode == 5, revoked.ToString());
        Assert.Matches("^pcdarts: not signed in: personal token '.+' was revoked at [0-9-]+ [0-9:]+ UTC; run pcdarts login or set PCDARTS_TOKEN$", revoked.Stderr.Trim());

        var logout = await CliProcess.RunWithAsync(Limit, env, "logout");
        Assert.True(logout.ExitCode == 0, logout.ToString());
        Assert.False(File.Exists(file));

        using var viewer = new TempFolder();
        (await api.Http.PostAsJsonAsync("/api/users", new { email = "viewer@test.local", password, role = "viewer" })).EnsureSuccessStatusCode();
        var viewerEnv = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = viewer.Path, ["PCDARTS_PASSWORD"] = password };
        Assert.Equal(0, (await CliProcess.RunWithAsync(Limit, viewerEnv, "login", "--server", api.Server, "--email", "viewer@test.local")).ExitCode);
        var forbidden = await CliProcess.RunWithAsync(Limit, viewerEnv, ["submit", "search", .. TinySearchFlags]);
        Assert.True(forbidden.ExitCode == 5, forbidden.ToString());
        Assert.StartsWith("pcdarts: forbidden: your role (viewer) may not POST /api/experiments/search", forbidden.Stderr.Trim());
    }

    private static string? Event(JsonElement e) => e.TryGetProperty("event", out var kind) ? kind.GetString() : null;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pcdarts-cli-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
