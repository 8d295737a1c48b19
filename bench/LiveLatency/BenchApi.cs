using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Live;
using PcDarts.Persistence.Local;

namespace PcDarts.Bench.LiveLatency;

/// <summary>
/// A private throw-away PostgreSQL and the real API on a loopback port (Kestrel), without a runner: the benchmark
/// commits epochs itself, so what it times is the platform's path, not training.
/// </summary>
internal sealed class BenchApi : IAsyncDisposable
{
    private readonly LocalPostgres _postgres;
    private readonly Host _host;

    private BenchApi(LocalPostgres postgres, Host host, Uri address)
    {
        _postgres = postgres;
        _host = host;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public string ConnectionString => _postgres.ConnectionString;

    public static async Task<BenchApi> StartAsync(string folder)
    {
        var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions { Folder = folder, Database = "pcdarts_bench", Durable = false });
        var host = new Host(postgres.ConnectionString);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1")))
            .First();
        return new BenchApi(postgres, host, address);
    }

    /// <summary>Queues a small search through the REST API; with no runner it stays queued while epochs are committed for it.</summary>
    public async Task<Guid> SubmitSearchAsync(string name)
    {
        var spec = new { dataset = "synthetic", epochs = 1000, batchSize = 16, channels = 4, layers = 3, nodes = 3, k = 2, warmupEpochs = 1 };
        var response = await Http.PostAsJsonAsync("/api/experiments/search", new { name, spec });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public HubConnection Hub() => new HubConnectionBuilder().WithUrl(new Uri(Address, PcDarts.Core.Live.LiveRoutes.ExperimentsHub.TrimStart('/'))).Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private sealed class Host(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The test-host default looks for the API's folder from the working directory; its output folder has all it reads.
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseEnvironment("Production");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("PcDarts:EmbeddedRunner", "false");
            builder.UseSetting("PcDarts:WelcomeSearch", "false");
        }
    }
}
