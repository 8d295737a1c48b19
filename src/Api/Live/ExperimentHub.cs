using Microsoft.AspNetCore.SignalR;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>
/// The live stream at <see cref="LiveRoutes.ExperimentsHub"/>: a client subscribes to the experiments it shows and receives their
/// <see cref="IExperimentClient"/> events. Groups live in this API instance only; every instance relays every event
/// from PostgreSQL itself, so a client may connect to any of them.
/// </summary>
public sealed class ExperimentHub : Hub<IExperimentClient>, IExperimentHub
{
    public static string GroupName(Guid experimentId) => $"experiment:{experimentId:N}";

    public Task Subscribe(Guid experimentId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupName(experimentId));

    public Task Unsubscribe(Guid experimentId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(experimentId));
}
