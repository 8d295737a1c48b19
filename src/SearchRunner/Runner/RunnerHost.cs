using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using PcDarts.SearchRunner.Telemetry;
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
        // The console formatter follows Logging:Console:FormatterName (Logging__Console__FormatterName=json for JSON lines).
        builder.Logging.ClearProviders().AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPlatformTelemetry(builder.Configuration, "pcdarts-runner", metrics: m =>
        {
            if (options.MetricsPort is { } port)
                m.AddPrometheusHttpListener(o =>
                {
                    o.Port = port;
                    // Every interface, as a scraper in another container needs; the default binds localhost only.
                    o.ConfigureHttpListener = static (o, listener) =>
                    {
                        listener.Prefixes.Clear();
                        listener.Prefixes.Add($"http://+:{o.Port}/metrics/");
                    };
                });
        });
        builder.Services.AddPcDartsPersistence(options.ConnectionString);
        builder.Services.AddPlatformDatabase(options.ConnectionString, options, migrate: false);
        builder.Services.AddRunnerNode(options);
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
