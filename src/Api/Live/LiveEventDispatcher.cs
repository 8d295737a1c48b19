using Microsoft.AspNetCore.SignalR;
using PcDarts.Api.Telemetry;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>
/// Hands one event to the experiment's SignalR group and to this process's in-process subscribers, and a member's status
/// change or finished epoch to its study's group as well; counts epochs for the platform meters.
/// </summary>
internal sealed class LiveEventDispatcher(
    IHubContext<ExperimentHub, IExperimentClient> hub, ExperimentEventStream stream, StudyMembership studies, PlatformMeters meters)
{
    public async Task DispatchAsync(IExperimentEvent e, CancellationToken ct = default)
    {
        if (e is EpochCompletedEvent epoch) meters.Epochs.Record(epoch.Metrics, kind: null, batchSize: null);
        // A study page shows its members' statuses and epochs; their log lines and architectures stay with each member.
        var study = e is StatusChangedEvent or EpochCompletedEvent ? await studies.StudyOfAsync(e.ExperimentId, ct) : null;
        await e.SendTo(hub.Clients.Group(ExperimentHub.GroupName(e.ExperimentId)));
        if (study is { } studyId) await e.SendTo(hub.Clients.Group(ExperimentHub.StudyGroupName(studyId)));
        await stream.PublishAsync(e, study);
    }
}
