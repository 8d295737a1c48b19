using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PcDarts.Persistence;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A runner node as a process of its own: the .NET Generic Host with the platform's database and a
/// <see cref="RunnerNode"/>. The host owns Ctrl+C and SIGTERM: on either, running jobs go back to the queue.
/// </summary>
public static class RunnerHost
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public static async Task RunAsync(RunnerOptions options, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPcDartsPersistence(options.ConnectionString);
        builder.Services.AddPlatformDatabase(options.ConnectionString, options, migrate: false);
        builder.Services.AddRunnerNode(options);
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
