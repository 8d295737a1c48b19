using System.Collections.Immutable;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>The in-process side of the live stream: subscribers of this API instance (Blazor Server components).</summary>
internal sealed class ExperimentEventStream(ILogger<ExperimentEventStream> logger) : IExperimentEventStream
{
    private sealed record Subscription(Guid? ExperimentId, IExperimentClient Client);

    private ImmutableArray<Subscription> _subscriptions = [];

    public IDisposable Subscribe(Guid experimentId, IExperimentClient client) => Add(new Subscription(experimentId, client));

    public IDisposable SubscribeAll(IExperimentClient client) => Add(new Subscription(null, client));

    public async Task PublishAsync(IExperimentEvent e)
    {
        var targets = _subscriptions.Where(s => s.ExperimentId is null || s.ExperimentId == e.ExperimentId).ToList();
        if (targets.Count == 0) return;
        await Task.WhenAll(targets.Select(s => SendAsync(s.Client, e)));
    }

    private async Task SendAsync(IExperimentClient client, IExperimentEvent e)
    {
        try
        {
            await e.SendTo(client);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live event subscriber threw on {Event} of experiment {Id}", e.GetType().Name, e.ExperimentId);
        }
    }

    private Unsubscriber Add(Subscription subscription)
    {
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription)));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) remove();
        }
    }
}
