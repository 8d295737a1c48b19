using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PcDarts.Persistence.Runs;

namespace PcDarts.Persistence;

public static class PersistenceExtensions
{
    public static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PcDartsDbContext.MigrationsAssembly));

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
