using Microsoft.AspNetCore.SignalR;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>
/// The live stream at <see cref="LiveRoutes.ExperimentsHub"/>: a client subscribes to the experiments it shows and receives their
/// <see cref="IExperimentClient"/> events. Groups live in this API instance only; every instance relays every event
/// from PostgreSQL itself, so a client may connect to any of them. One connection follows at most
/// <see cref="RequestLimitsOptions.MaxHubSubscriptions"/> experiments, so a client cannot grow the server's group table at will.
/// </summary>
public sealed class ExperimentHub(RequestLimits limits) : Hub<IExperimentClient>, IExperimentHub
{
    public static string GroupName(Guid experimentId) => $"experiment:{experimentId:N}";

    public Task Subscribe(Guid experimentId)
    {
        var subscribed = Subscriptions();
        lock (subscribed)
        {
            if (!subscribed.Contains(experimentId) && subscribed.Count >= limits.Options.MaxHubSubscriptions)
                throw new HubException($"a connection follows at most {limits.Options.MaxHubSubscriptions} experiments; unsubscribe from one first");
            subscribed.Add(experimentId);
        }
        return Groups.AddToGroupAsync(Context.ConnectionId, GroupName(experimentId));
    }

    public Task Unsubscribe(Guid experimentId)
    {
        var subscribed = Subscriptions();
        lock (subscribed) subscribed.Remove(experimentId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(experimentId));
    }

    /// <summary>This connection's subscriptions; the hub object lives for one call, the connection's items for the connection.</summary>
    private HashSet<Guid> Subscriptions()
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(nameof(Subscriptions), out var set)) return (HashSet<Guid>)set!;
            var created = new HashSet<Guid>();
            Context.Items[nameof(Subscriptions)] = created;
            return created;
        }
    }
}
