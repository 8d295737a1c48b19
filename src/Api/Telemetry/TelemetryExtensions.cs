using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PcDarts.Core.Security;
using PcDarts.SearchRunner.Telemetry;

namespace PcDarts.Api.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>OpenTelemetry for the API host: ASP.NET Core requests on top of the platform's traces and meters, and a Prometheus exporter.</summary>
    public static void AddApiTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlatformMeters>();
        builder.Services.AddHostedService<PlatformMetersRefresh>();
        builder.Services.AddPlatformTelemetry(builder.Configuration, "pcdarts-api",
            metrics: m => m.AddMeter(PlatformMeters.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter(),
            // Scrapes and probes are noise in a trace view.
            tracing: t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics") && !c.Request.Path.StartsWithSegments("/health")));
    }

    /// <summary>The Prometheus scrape endpoint: platform-wide numbers, for admins (a scraper signs in with an admin's personal token).</summary>
    public static void MapMetricsEndpoint(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(PlatformRoles.Admin);
}
