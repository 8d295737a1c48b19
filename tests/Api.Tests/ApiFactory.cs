using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests;

/// <summary>
/// The real API host on a test database; with <paramref name="embeddedRunner"/>, its in-process runner too. It bootstraps
/// <see cref="TestUsers.AdminEmail"/> with <see cref="TestUsers.AdminToken"/>, and its clients act as that admin.
/// </summary>
public sealed class ApiFactory(string connectionString, bool embeddedRunner, bool welcomeSearch = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("PcDarts:EmbeddedRunner", embeddedRunner ? "true" : "false");
        builder.UseSetting("PcDarts:WelcomeSearch", welcomeSearch ? "true" : "false");
        builder.UseSetting("PcDarts:Auth:AdminEmail", TestUsers.AdminEmail);
        builder.UseSetting("PcDarts:Auth:AdminPassword", TestUsers.AdminPassword);
        builder.UseSetting("PcDarts:Auth:AdminToken", TestUsers.AdminToken);
        // Tests submit in bursts as one user; LimitsTests sets the per-user limits back to small numbers to check them.
        builder.UseSetting("PcDarts:Limits:ChangesPerMinute", "100000");
        builder.UseSetting("PcDarts:Limits:MaxActiveExperiments", "100000");
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.UseToken(TestUsers.AdminToken);
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.UseToken(null);
        return client;
    }

    /// <summary>Rows in the experiments table: what a refused request must leave untouched.</summary>
    public async Task<int> CountExperimentsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PcDartsDbContext>().Experiments.CountAsync();
    }
}
