namespace PcDarts.Core.Live;

/// <summary>Where the API serves its live streams; the dashboard, the client and the tests connect by this name.</summary>
public static class LiveRoutes
{
    /// <summary>The SignalR hub of <see cref="IExperimentHub"/> and <see cref="IExperimentClient"/>.</summary>
    public const string ExperimentsHub = "/hubs/experiments";
}
