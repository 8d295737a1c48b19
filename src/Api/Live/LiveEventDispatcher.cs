using Microsoft.AspNetCore.SignalR;
using PcDarts.Api.Telemetry;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>Hands one event to the experiment's SignalR group and to this process's in-process subscribers; counts epochs for the platform meters.</summary>
internal sealed class LiveEventDispatcher(IHubContext<ExperimentHub, IExperimentClient> hub, ExperimentEventStream stream, PlatformMeters meters)
{
    public async Task DispatchAsync(IExperimentEvent e)
    {
        if (e is EpochCompletedEvent epoch) meters.Epochs.Record(epoch.Metrics, kind: null, batchSize: null);
        await e.SendTo(hub.Clients.Group(ExperimentHub.GroupName(e.ExperimentId)));
        await stream.PublishAsync(e);
    }
}
