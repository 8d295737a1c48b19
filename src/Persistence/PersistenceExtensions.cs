using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PcDarts.Persistence.Runs;

namespace PcDarts.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Every read and write goes through Npgsql's retrying execution strategy: a PostgreSQL restart costs a request a
    /// few seconds, not an error. Code that opens its own transaction runs it inside
    /// <c>CreateExecutionStrategy().ExecuteAsync</c> (see <see cref="Resilience.Transactions"/>), so a retry replays
    /// the whole transaction. The delays are short: a request waits about ten seconds at most before it gives up.
    /// </summary>
    public static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(PcDartsDbContext.MigrationsAssembly)
            .EnableRetryOnFailure(MaxRetries, MaxRetryDelay, errorCodesToAdd: null));

    private const int MaxRetries = 6;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The DbContext, the migrator and the experiment lifecycle, all on one connection string.</summary>
    public static IServiceCollection AddPcDartsPersistence(this IServiceCollection services, string connectionString)
    {
        // The factory also registers the context itself as scoped: endpoints take the context, jobs the factory.
        services.AddDbContextFactory<PcDartsDbContext>(o => ConfigureNpgsql(o, connectionString), ServiceLifetime.Singleton);
        services.AddSingleton<DatabaseMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ExperimentLifecycle>();
        return services;
    }

    public static PcDartsDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PcDartsDbContext>();
        ConfigureNpgsql(options, connectionString);
        return new PcDartsDbContext(options.Options);
    }
}
