using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Live;

namespace PcDarts.Web.Data;

/// <summary>
/// Keeps a view current: subscribes to <see cref="IExperimentEventStream"/> when the host has one, and polls as well —
/// often when there is no stream (or subscribing failed), rarely when there is, so a view recovers from a relay that is
/// down without a reload. Every (re)start calls <c>catchUp</c> first, which fetches what was missed (REST's ?afterEpoch=N).
/// </summary>
public sealed class LiveFeed : IAsyncDisposable
{
    public static readonly TimeSpan FastPoll = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan SlowPoll = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private Task? _loop;

    private LiveFeed() { }

    /// <summary>True while events arrive through the stream; false while the view relies on polling alone.</summary>
    public bool Streaming => _subscription is not null;

    /// <param name="experimentId">One experiment's events, or null for all experiments.</param>
    /// <param name="catchUp">Reloads what may have been missed; called at start and on every poll. Exceptions end up in <paramref name="onError"/>.</param>
    public static async Task<LiveFeed> StartAsync(IServiceProvider services, Guid? experimentId, IExperimentClient client,
        Func<Task> catchUp, Action<Exception>? onError = null)
    {
        var feed = new LiveFeed();
        var stream = services.GetService<IExperimentEventStream>();
        if (stream is not null)
        {
            try
            {
                feed._subscription = experimentId is { } id ? stream.Subscribe(id, client) : stream.SubscribeAll(client);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onError?.Invoke(e);
            }
        }
        // Subscribed first, then caught up: an event that lands in between is seen twice at worst, never lost.
        await feed.Safe(catchUp, onError);
        feed._loop = feed.PollAsync(catchUp, onError);
        return feed;
    }

    private async Task PollAsync(Func<Task> catchUp, Action<Exception>? onError)
    {
        using var timer = new PeriodicTimer(Streaming ? SlowPoll : FastPoll);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await Safe(catchUp, onError);
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
