using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PcDarts.Api.Tests.Auth;

/// <summary>
/// Audit lines carry the caller's address, experiment changes included; X-Forwarded-For is believed only from a proxy the
/// platform is told to trust. On Kestrel over loopback, since the in-memory test server has no client address.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditAddressTests(PostgresCluster cluster)
{
    private const string Forwarded = "203.0.113.7";

    [Fact]
    public async Task Without_a_trusted_proxy_the_address_is_the_connections_and_X_Forwarded_For_is_ignored()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        var addresses = await ActWithForwardedHeaderAsync(api);
        Assert.All(addresses, a => Assert.Equal("127.0.0.1", a));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_address_is_the_forwarded_client()
    {
        await using var api = new ApiFactory(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        await using var proxied = api.WithWebHostBuilder(b => b.UseSetting("PcDarts:TrustedProxies", "127.0.0.1, ::1"));
        var addresses = await ActWithForwardedHeaderAsync(proxied);
        Assert.All(addresses, a => Assert.Equal(Forwarded, a));
    }

    /// <summary>Creates a token and submits an experiment saying X-Forwarded-For; the addresses of those two audit lines.</summary>
    private static async Task<List<string?>> ActWithForwardedHeaderAsync(WebApplicationFactory<Program> api)
    {
        api.UseKestrel(0);
        api.StartServer();
        using var client = new HttpClient { BaseAddress = api.ClientOptions.BaseAddress };
        client.UseToken(TestUsers.AdminToken);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Forwarded);
        (await client.PostAsJsonAsync("/api/tokens", new { name = "from-afar" })).EnsureSuccessStatusCode();
        await Polling.SubmitAsync(client, Specs.TinySearch());

        var lines = (await client.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var addresses = new[] { "token.created", "experiment.created" }
            .Select(action => lines.Single(l => l.GetProperty("action").GetString() == action).GetProperty("remoteAddress").GetString())
            .ToList();
        Assert.Equal(2, addresses.Count);
        return addresses;
    }
}
