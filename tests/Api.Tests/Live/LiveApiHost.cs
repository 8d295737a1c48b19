using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Live;

namespace PcDarts.Api.Tests.Live;

/// <summary>The real API on a loopback port (Kestrel, not the in-memory test server): SignalR clients and the `pcdarts` executable reach it like any client.</summary>
internal sealed class LiveApiHost : IAsyncDisposable
{
    private readonly ApiFactory _factory;

    private LiveApiHost(ApiFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
        Http.UseToken(TestUsers.AdminToken);
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _factory.Services;
    public string Server => Address.ToString().TrimEnd('/');

    public static LiveApiHost Start(string connectionString, bool embeddedRunner)
    {
        var factory = new ApiFactory(connectionString, embeddedRunner);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1")))
            .First();
        return new LiveApiHost(factory, address);
    }

    public HubConnection Hub(string? token = TestUsers.AdminToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(Address, LiveRoutes.ExperimentsHub.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult(token))
        .Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }
}
