using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PcDarts.Core.Live;

namespace PcDarts.Api.Tests.Live;

[Collection(PostgresCollection.Name)]
public sealed class HubSubscriptionLimitTests(PostgresCluster cluster)
{
    [Fact]
    public async Task One_connection_follows_at_most_100_experiments_and_frees_a_place_by_unsubscribing()
    {
        await using var api = LiveApiHost.Start(await cluster.CreateDatabaseAsync(), embeddedRunner: false);
        await using var hub = api.Hub();
        await hub.StartAsync();
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids) await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id);

        // Subscribing again to one already followed takes no new place.
        await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), ids[0]);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync(nameof(IExperimentHub.Subscribe), Guid.NewGuid()));
        Assert.Contains("at most 100 experiments", refused.Message);

        await hub.InvokeAsync(nameof(IExperimentHub.Unsubscribe), ids[0]);
        await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), Guid.NewGuid());

        // The limit is per connection: another one starts with all its places.
        await using var other = api.Hub();
        await other.StartAsync();
        await other.InvokeAsync(nameof(IExperimentHub.Subscribe), Guid.NewGuid());
    }
}
