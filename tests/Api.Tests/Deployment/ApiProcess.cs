using System.Net;
using System.Net.Sockets;
using PcDarts.Core.Deployment;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>
/// The API host from its build output as compose runs it: its own process on its own port, no embedded runner, no
/// migrations at start (the `migrate` verb applies them first), the test admin bootstrapped.
/// </summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly ChildProcess _process;

    private ApiProcess(ChildProcess process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>`PcDarts.Api migrate`, as the one-shot migrate service; its exit code.</summary>
    public static async Task<int> MigrateAsync(string connectionString)
    {
        using var migrate = ChildProcess.Start("Api", "PcDarts.Api", ["migrate"], Environment(connectionString));
        return await migrate.WaitForExitAsync(TimeSpan.FromSeconds(90));
    }

    public static async Task<ApiProcess> StartAsync(string connectionString)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var variables = new Dictionary<string, string>(Environment(connectionString))
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            [Variable(SettingNames.MigrateAtStart)] = "false",
            ["PcDarts__EmbeddedRunner"] = "false",
            ["PcDarts__WelcomeSearch"] = "false",
            ["PcDarts__Auth__AdminEmail"] = TestUsers.AdminEmail,
            ["PcDarts__Auth__AdminPassword"] = TestUsers.AdminPassword,
            ["PcDarts__Auth__AdminToken"] = TestUsers.AdminToken,
            ["PcDarts__Limits__ChangesPerMinute"] = "100000",
            ["PcDarts__Limits__MaxActiveExperiments"] = "100000",
        };
        var api = new ApiProcess(ChildProcess.Start("Api", "PcDarts.Api", [], variables), address);
        using var probe = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync(HealthPaths.Ready)).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline || api._process.HasExited)
            {
                api.Dispose();
                throw new TimeoutException($"API at {address} not ready:\n{string.Join("\n", api._process.Lines)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client acting as the test admin.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.UseToken(TestUsers.AdminToken);
        return client;
    }

    public void Dispose() => _process.Dispose();

    private static Dictionary<string, string> Environment(string connectionString) =>
        new() { [Variable(SettingNames.ConnectionString)] = connectionString };

    private static string Variable(string key) => SettingNames.EnvironmentVariable(key);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
