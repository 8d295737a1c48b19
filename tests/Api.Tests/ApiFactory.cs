using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Persistence;

namespace PcDarts.Api.Tests;

/// <summary>The real API host on a test database; with <paramref name="embeddedRunner"/>, its in-process runner too.</summary>
public sealed class ApiFactory(string connectionString, bool embeddedRunner, bool welcomeSearch = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("PcDarts:EmbeddedRunner", embeddedRunner ? "true" : "false");
        builder.UseSetting("PcDarts:WelcomeSearch", welcomeSearch ? "true" : "false");
    }

    /// <summary>Rows in the experiments table: what a refused request must leave untouched.</summary>
    public async Task<int> CountExperimentsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PcDartsDbContext>().Experiments.CountAsync();
    }
}
