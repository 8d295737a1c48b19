using System.Text.Json;
using System.Text.Json.Serialization;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

internal static class LiveExtensions
{
    /// <summary>SignalR, the PostgreSQL listener and the in-process <see cref="IExperimentEventStream"/>.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services, string connectionString)
    {
        services.AddSignalR().AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // A diverged run's NaN loss still reaches the client ("NaN") instead of failing the send.
            o.PayloadSerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddSingleton(LiveEventsOptions.For(connectionString));
        services.AddSingleton<ExperimentEventStream>();
        services.AddSingleton<IExperimentEventStream>(sp => sp.GetRequiredService<ExperimentEventStream>());
        services.AddSingleton<LiveEventReader>();
        services.AddSingleton<StudyMembership>();
        services.AddSingleton<LiveEventDispatcher>();
        services.AddHostedService<ExperimentEventListener>();
        return services;
    }

    public static HubEndpointConventionBuilder MapExperimentHub(this IEndpointRouteBuilder app) =>
        app.MapHub<ExperimentHub>(LiveRoutes.ExperimentsHub);
}
