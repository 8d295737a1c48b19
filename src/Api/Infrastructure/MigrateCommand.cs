using PcDarts.Core.Deployment;
using PcDarts.Persistence;
using PcDarts.SearchRunner.Runner;

namespace PcDarts.Api.Infrastructure;

/// <summary>
/// `PcDarts.Api migrate`: applies the platform's migrations (EF and Hangfire's schema) to ConnectionStrings__Postgres
/// and exits: the one-shot `migrate` service in docker/compose.yaml and the migration Job in docker/k8s. Exit 0 when
/// the schema is current, 2 when no connection string is set, 1 when migrating failed.
/// </summary>
internal static class MigrateCommand
{
    public const string Verb = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args[1..]);
        var connectionString = builder.Configuration.GetConnectionString(SettingNames.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine($"migrate: set {SettingNames.EnvironmentVariable(SettingNames.ConnectionString)} to the platform's PostgreSQL connection string");
            return 2;
        }
        builder.Services.AddPcDartsPersistence(connectionString);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<DatabaseMigrator>>();
        try
        {
            await HangfireSetup.MigrateAsync(host.Services.GetRequiredService<DatabaseMigrator>(), connectionString, CancellationToken.None);
            logger.LogInformation("The platform's schema is current");
            return 0;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Migrating the platform's database failed");
            return 1;
        }
    }
}
