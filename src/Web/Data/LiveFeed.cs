using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Live;

namespace PcDarts.Web.Data;

/// <summary>
/// Keeps a view current: subscribes to <see cref="IExperimentEventStream"/> when the host has one, and polls as well.
/// An experiment's view polls often when there is no stream (or subscribing failed), rarely when there is, so it recovers
/// from a relay that is down without a reload and keeps its queue position fresh; a study's view lives on events alone and
/// polls, rarely, only while the relay is down. Every (re)start calls <c>catchUp</c> first, which fetches what was missed
/// (REST's ?afterEpoch=N).
/// </summary>
public sealed class LiveFeed : IAsyncDisposable
{
    public static readonly TimeSpan FastPoll = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan SlowPoll = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private IExperimentEventStream? _stream;
    private IDisposable? _subscription;
    private Task? _loop;

    private LiveFeed() { }

    /// <summary>True while events arrive through the stream; false while the view relies on polling alone.</summary>
    public bool Streaming => _subscription is not null && _stream?.Connected == true;

    /// <param name="experimentId">One experiment's events, or null for all experiments.</param>
    /// <param name="catchUp">Reloads what may have been missed; called at start and on every poll. Exceptions end up in <paramref name="onError"/>.</param>
    public static Task<LiveFeed> StartAsync(IServiceProvider services, Guid? experimentId, IExperimentClient client,
        Func<Task> catchUp, Action<Exception>? onError = null) =>
        StartAsync(services, (stream, c) => experimentId is { } id ? stream.Subscribe(id, c) : stream.SubscribeAll(c), client, catchUp, onError,
            pollWhileStreaming: true);

    /// <summary>The status changes and epochs of a study's members, new members included; polls only while the relay is down.</summary>
    public static Task<LiveFeed> StartForStudyAsync(IServiceProvider services, Guid studyId, IExperimentClient client,
        Func<Task> catchUp, Action<Exception>? onError = null) =>
        StartAsync(services, (stream, c) => stream.SubscribeStudy(studyId, c), client, catchUp, onError, pollWhileStreaming: false);

    private static async Task<LiveFeed> StartAsync(IServiceProvider services, Func<IExperimentEventStream, IExperimentClient, IDisposable> subscribe,
        IExperimentClient client, Func<Task> catchUp, Action<Exception>? onError, bool pollWhileStreaming)
    {
        var feed = new LiveFeed { _stream = services.GetService<IExperimentEventStream>() };
        if (feed._stream is not null)
        {
            try
            {
                feed._subscription = subscribe(feed._stream, client);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onError?.Invoke(e);
            }
        }
        // Subscribed first, then caught up: an event that lands in between is seen twice at worst, never lost.
        await feed.Safe(catchUp, onError);
        feed._loop = feed.PollAsync(catchUp, onError, pollWhileStreaming);
        return feed;
    }

    private async Task PollAsync(Func<Task> catchUp, Action<Exception>? onError, bool pollWhileStreaming)
    {
        using var timer = new PeriodicTimer(_subscription is null && pollWhileStreaming ? FastPoll : SlowPoll);
        var missed = false;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var streaming = Streaming;
                if (streaming && !pollWhileStreaming && !missed) continue;
                // After an outage, one more read once events flow again: what was sent meanwhile was never relayed.
                missed = !streaming;
                await Safe(catchUp, onError);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task Safe(Func<Task> action, Action<Exception>? onError)
    {
        try { await action(); }
        catch (Exception e) when (!_stop.IsCancellationRequested) { onError?.Invoke(e); }
        catch (Exception) { }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}

/// <summary>An <see cref="IExperimentClient"/> made of optional callbacks; unset ones ignore their event.</summary>
public sealed class ExperimentEventHandlers : IExperimentClient
{
    public Func<EpochCompletedEvent, Task>? OnEpoch { get; init; }
    public Func<ArchitectureUpdatedEvent, Task>? OnArchitecture { get; init; }
    public Func<StatusChangedEvent, Task>? OnStatus { get; init; }
    public Func<LogLineEvent, Task>? OnLog { get; init; }

    public Task EpochCompleted(EpochCompletedEvent e) => OnEpoch?.Invoke(e) ?? Task.CompletedTask;
    public Task ArchitectureUpdated(ArchitectureUpdatedEvent e) => OnArchitecture?.Invoke(e) ?? Task.CompletedTask;
    public Task StatusChanged(StatusChangedEvent e) => OnStatus?.Invoke(e) ?? Task.CompletedTask;
    public Task LogLine(LogLineEvent e) => OnLog?.Invoke(e) ?? Task.CompletedTask;
}
