using PcDarts.Core.Deployment;
using PcDarts.Persistence.Local;
using PcDarts.SearchRunner.Runner;

namespace PcDarts.Api.Embedded;

/// <summary>
/// The embedded default: with no connection string, a private PostgreSQL under the data folder; an in-process runner;
/// the welcome search on an empty database. Each part can also be switched on alone (see <see cref="PlatformOptions"/>).
/// </summary>
internal static class EmbeddedDefault
{
    /// <summary>
    /// Registers the private PostgreSQL (started by a hosted service, so call this before anything else that registers
    /// hosted services) and returns its connection string, which is known before the server runs.
    /// </summary>
    public static string AddLocalPostgres(this IHostApplicationBuilder builder, PlatformOptions options)
    {
        var folder = Path.Combine(DataRoot(builder.Environment.ContentRootPath, options.DataFolder), "postgres");
        var postgres = new LocalPostgresOptions { Folder = folder };
        LocalPostgres.FindBinaries(); // fail now, with what to install, rather than once the host starts
        builder.Services.AddSingleton(postgres);
        builder.Services.AddHostedService<LocalPostgresService>();
        var connectionString = LocalPostgres.ConnectionStringFor(postgres);
        builder.Configuration[SettingNames.ConnectionString] = connectionString;
        // A local instance answers only to local names: a web page whose name re-resolves to 127.0.0.1 (DNS rebinding)
        // gets 400, not the platform. Configured hosts other than appsettings.json's "*" are kept.
        if (builder.Configuration[AllowedHostsKey] is null or "*") builder.Configuration[AllowedHostsKey] = LocalHosts;
        return connectionString;
    }

    private const string AllowedHostsKey = "AllowedHosts";
    public const string LocalHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>The in-process runner: the same runner node as `pcdarts-runner run` (<see cref="RunnerNode.AddRunnerNode"/>).</summary>
    public static RunnerOptions EmbeddedRunnerOptions(PlatformOptions options, string connectionString) =>
        new(options.EmbeddedRunnerQueues, $"embedded-{Environment.MachineName}", options.EmbeddedRunnerWorkers, connectionString)
        {
            DataRoot = options.DataRoot,
        };

    public static void AddWelcomeSearch(this IServiceCollection services) => services.AddHostedService<WelcomeSearch>();

    /// <summary>
    /// A relative data folder is taken from the repository root when the app runs from a clone (`dotnet run` starts
    /// in src/Api), so the cluster lands in the git-ignored /.pcdarts; elsewhere from the content root.
    /// </summary>
    internal static string DataRoot(string contentRoot, string folder)
    {
        if (Path.IsPathRooted(folder)) return folder;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln"))) return Path.Combine(dir.FullName, folder);
        return Path.Combine(contentRoot, folder);
    }
}
