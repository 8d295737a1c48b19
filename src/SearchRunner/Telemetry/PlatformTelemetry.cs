using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PcDarts.SearchRunner.Telemetry;

/// <summary>
/// OpenTelemetry for every PcDarts process (API and runner): traces of HTTP calls, Npgsql commands and Hangfire job
/// executions, the run meters, exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads
/// the standard OTEL_* variables itself). Each host adds its own scrape endpoint and instrumentation.
/// </summary>
public static class PlatformTelemetry
{
    public const string RunnerMeterName = "PcDarts.Runner";
    public const string JobSourceName = "PcDarts.Jobs";

    /// <summary>The runner's own run meters (prefix <c>pcdarts.runner</c>): the epochs this process ran.</summary>
    public static Meter RunnerMeter { get; } = new(RunnerMeterName);

    public static EpochInstruments RunnerEpochs { get; } = new(RunnerMeter, "pcdarts.runner");

    /// <summary>A span around each Hangfire job's execution (no Hangfire instrumentation package is served).</summary>
    public static ActivitySource Jobs { get; } = new(JobSourceName);

    public static IServiceCollection AddPlatformTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource(JobSourceName).AddHttpClientInstrumentation().AddNpgsql();
                tracing?.Invoke(t);
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(RunnerMeterName, "Npgsql").AddHttpClientInstrumentation();
                metrics?.Invoke(m);
                if (otlp) m.AddOtlpExporter();
            });
        return services;
    }
}
