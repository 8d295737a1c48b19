using PcDarts.Core.Live;

namespace PcDarts.Web.Tests;

/// <summary>The live stream for a component under test: the test hands its subscriber the events the relay would.</summary>
internal sealed class LiveStream : IExperimentEventStream
{
    public IExperimentClient? Client { get; private set; }

    /// <summary>The study the subscriber follows, when it subscribed to one.</summary>
    public Guid? Study { get; private set; }

    public bool Connected { get; set; } = true;

    public IDisposable Subscribe(Guid experimentId, IExperimentClient client) => Take(client, null);

    public IDisposable SubscribeAll(IExperimentClient client) => Take(client, null);

    public IDisposable SubscribeStudy(Guid studyId, IExperimentClient client) => Take(client, studyId);

    private Unsubscribe Take(IExperimentClient client, Guid? study)
    {
        (Client, Study) = (client, study);
        return new Unsubscribe(() => (Client, Study) = (null, null));
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
