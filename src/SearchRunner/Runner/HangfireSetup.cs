using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;
using Microsoft.Extensions.Logging;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// Hangfire on the platform's PostgreSQL, set up the same way in the API host (client, dashboard, embedded runner) and
/// in a runner node, so both serialize jobs alike and a job fetched anywhere has the same invisibility rules.
/// </summary>
public static class HangfireSetup
{
    /// <summary>
    /// Hangfire's storage and, with <paramref name="migrate"/>, a hosted service that applies EF migrations and creates
    /// Hangfire's schema before anything else in the host touches the database (register it before the services that
    /// need the database). Only the API host or the migrate job migrates; runner nodes pass false (see <see cref="SchemaGate"/>).
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, string connectionString, RunnerOptions? runner, bool migrate)
    {
        var storageOptions = StorageOptions(runner);
        if (migrate)
            services.AddHostedService(sp => new DatabaseSetup(sp.GetRequiredService<DatabaseMigrator>(), connectionString,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DatabaseSetup>>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), storageOptions));
        return services;
    }

    /// <summary>
    /// Creates or upgrades Hangfire's schema, then applies EF migrations, in that order: a runner waiting for the EF
    /// migrations (<see cref="SchemaGate"/>) then finds Hangfire's tables too. Processes that start together on a fresh
    /// database take turns under a session-level advisory lock: Hangfire's installer run twice at once fails on the
    /// other's half-created tables, and the process with it. The lock goes with the connection.
    /// </summary>
    public static async Task MigrateAsync(DatabaseMigrator migrator, string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var takeTurn = new NpgsqlCommand($"SELECT pg_advisory_lock({SetupLockKey})", connection))
            await takeTurn.ExecuteNonQueryAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, new PostgreSqlStorageOptions().SchemaName);
        await migrator.MigrateAsync(ct);
    }

    /// <summary>Any fixed number, the same in every process: "pcdarts setup".</summary>
    private const long SetupLockKey = 0x7063_6461_7274_7302;

    private static PostgreSqlStorageOptions StorageOptions(RunnerOptions? runner)
    {
        var defaults = runner ?? new RunnerOptions([], "", 1, "");
        return new PostgreSqlStorageOptions
        {
            // The schema is created by DatabaseSetup at start: the storage may be built before the database runs
            // (the embedded default starts its PostgreSQL in a hosted service).
            PrepareSchemaIfNecessary = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = defaults.InvisibilityTimeout,
            QueuePollInterval = defaults.QueuePollInterval,
        };
    }

    /// <summary>Waits for the database (a host may start before it, or during an outage), then migrates.</summary>
    private sealed class DatabaseSetup(DatabaseMigrator migrator, string connectionString, TimeProvider clock, ILogger<DatabaseSetup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            DatabaseOutage.WaitOutAsync(ct => MigrateAsync(migrator, connectionString, ct), logger, "Database setup", clock, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
