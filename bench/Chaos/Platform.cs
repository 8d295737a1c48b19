using System.Net;
using System.Net.Sockets;
using PcDarts.Persistence.Local;

namespace PcDarts.Bench.Chaos;

/// <summary>
/// The whole platform as separate processes: a private PostgreSQL, the API (Kestrel on a loopback port, no embedded
/// runner) and runner nodes (`pcdarts-runner run --queues cpu`), each of which the benchmark can kill and replace.
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    private readonly LocalPostgresOptions _postgresOptions;
    private readonly Binaries _binaries;
    private readonly string _logs;
    private readonly List<ChildProcess> _runners = [];
    private LocalPostgres? _postgres;
    private ChildProcess? _api;
    private int _apiStarts;
    private int _runnerStarts;

    private Platform(string folder, Binaries binaries)
    {
        _postgresOptions = new LocalPostgresOptions { Folder = Path.Combine(folder, "postgres"), Database = "pcdarts_chaos", Durable = false };
        _binaries = binaries;
        _logs = Directory.CreateDirectory(Path.Combine(folder, "logs")).FullName;
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public Uri Address { get; }
    public string ConnectionString => LocalPostgres.ConnectionStringFor(_postgresOptions);
    public string Logs => _logs;
    public IReadOnlyList<ChildProcess> Runners => _runners;

    public static async Task<Platform> StartAsync(string folder, int runners)
    {
        var platform = new Platform(folder, Binaries.Find());
        platform._postgres = await LocalPostgres.StartAsync(platform._postgresOptions);
        platform.StartApi();
        for (var i = 0; i < runners; i++) platform.StartRunner();
        return platform;
    }

    /// <summary>Stops PostgreSQL (fast shutdown: sessions are cut), waits <paramref name="down"/>, starts it again.</summary>
    public async Task RestartPostgresAsync(TimeSpan down)
    {
        await _postgres!.DisposeAsync();
        _postgres = null;
        await Task.Delay(down);
        _postgres = await LocalPostgres.StartAsync(_postgresOptions);
    }

    /// <summary>SIGKILLs the API and starts a new one on the same port.</summary>
    public void RestartApi()
    {
        _api!.Dispose();
        StartApi();
    }

    /// <summary>SIGKILLs one runner and starts a replacement under a new name.</summary>
    public void ReplaceRunner(int index)
    {
        _runners[index].Dispose();
        _runners.RemoveAt(index);
        StartRunner();
    }

    private void StartApi() => _api = ChildProcess.Start($"api-{++_apiStarts}", _binaries.Dotnet,
        [_binaries.ApiDll, "--urls", Address.ToString().TrimEnd('/')],
        new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = ConnectionString,
            ["PcDarts__EmbeddedRunner"] = "false",
            ["PcDarts__WelcomeSearch"] = "false",
            ["PcDarts__Auth__AdminEmail"] = PlatformClient.AdminEmail,
            ["PcDarts__Auth__AdminPassword"] = PlatformClient.AdminPassword,
        },
        Path.GetDirectoryName(_binaries.ApiDll)!, _logs);

    private void StartRunner()
    {
        var name = $"runner-{++_runnerStarts}";
        _runners.Add(ChildProcess.Start(name, _binaries.Runner, ["run", "--name", name, "--queues", "cpu", "--workers", "1"],
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = ConnectionString, ["OMP_WAIT_POLICY"] = "PASSIVE" },
            Path.GetDirectoryName(_binaries.Runner)!, _logs));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners) runner.Dispose();
        _api?.Dispose();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
