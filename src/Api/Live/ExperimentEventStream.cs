using System.Collections.Immutable;
using PcDarts.Core.Live;

namespace PcDarts.Api.Live;

/// <summary>The in-process side of the live stream: subscribers of this API instance (Blazor Server components).</summary>
internal sealed class ExperimentEventStream(ILogger<ExperimentEventStream> logger) : IExperimentEventStream
{
    /// <summary>One experiment's events, one study's members' events, or (both null) every event.</summary>
    private sealed record Subscription(Guid? ExperimentId, Guid? StudyId, IExperimentClient Client)
    {
        public bool Wants(IExperimentEvent e, Guid? study) =>
            StudyId is { } s ? s == study : ExperimentId is not { } id || id == e.ExperimentId;
    }

    private ImmutableArray<Subscription> _subscriptions = [];
    private volatile bool _connected;

    public bool Connected => _connected;

    /// <summary>Set by the PostgreSQL listener as its LISTEN connection comes and goes.</summary>
    public void SetConnected(bool connected) => _connected = connected;

    public IDisposable Subscribe(Guid experimentId, IExperimentClient client) => Add(new Subscription(experimentId, null, client));

    public IDisposable SubscribeAll(IExperimentClient client) => Add(new Subscription(null, null, client));

    public IDisposable SubscribeStudy(Guid studyId, IExperimentClient client) => Add(new Subscription(null, studyId, client));

    /// <param name="study">The study of the event's experiment, when the event is one a study's followers get.</param>
    public async Task PublishAsync(IExperimentEvent e, Guid? study = null)
    {
        var targets = _subscriptions.Where(s => s.Wants(e, study)).ToList();
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
