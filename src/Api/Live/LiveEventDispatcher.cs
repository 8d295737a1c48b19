using Microsoft.AspNetCore.SignalR;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>Hands one event to the experiment's SignalR group and to this process's in-process subscribers.</summary>
internal sealed class LiveEventDispatcher(IHubContext<ExperimentHub, IExperimentClient> hub, ExperimentEventStream stream)
{
    public async Task DispatchAsync(IExperimentEvent e)
    {
        await e.SendTo(hub.Clients.Group(ExperimentHub.GroupName(e.ExperimentId)));
        await stream.PublishAsync(e);
    }
}
