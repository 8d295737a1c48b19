using Microsoft.AspNetCore.SignalR;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>
/// The live stream at <see cref="LiveRoutes.ExperimentsHub"/>: a client subscribes to the experiments (or studies) it shows
/// and receives their <see cref="IExperimentClient"/> events. Groups live in this API instance only; every instance relays
/// every event from PostgreSQL itself, so a client may connect to any of them. One connection follows at most
/// <see cref="RequestLimitsOptions.MaxHubSubscriptions"/> experiments and studies together, so a client cannot grow the
/// server's group table at will.
/// </summary>
public sealed class ExperimentHub(RequestLimits limits) : Hub<IExperimentClient>, IExperimentHub
{
    public static string GroupName(Guid experimentId) => $"experiment:{experimentId:N}";

    /// <summary>A study's group: its members' status changes and finished epochs (LiveEventDispatcher).</summary>
    public static string StudyGroupName(Guid studyId) => $"study:{studyId:N}";

    public Task Subscribe(Guid experimentId) => JoinAsync(GroupName(experimentId));

    public Task Unsubscribe(Guid experimentId) => LeaveAsync(GroupName(experimentId));

    public Task SubscribeStudy(Guid studyId) => JoinAsync(StudyGroupName(studyId));

    public Task UnsubscribeStudy(Guid studyId) => LeaveAsync(StudyGroupName(studyId));

    private Task JoinAsync(string group)
    {
        var subscribed = Subscriptions();
        lock (subscribed)
        {
            if (!subscribed.Contains(group) && subscribed.Count >= limits.Options.MaxHubSubscriptions)
                throw new HubException($"a connection follows at most {limits.Options.MaxHubSubscriptions} experiments and studies; unsubscribe from one first");
            subscribed.Add(group);
        }
        return Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private Task LeaveAsync(string group)
    {
        var subscribed = Subscriptions();
        lock (subscribed) subscribed.Remove(group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>This connection's groups; the hub object lives for one call, the connection's items for the connection.</summary>
    private HashSet<string> Subscriptions()
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(nameof(Subscriptions), out var set)) return (HashSet<string>)set!;
            var created = new HashSet<string>();
            Context.Items[nameof(Subscriptions)] = created;
            return created;
        }
    }
}
