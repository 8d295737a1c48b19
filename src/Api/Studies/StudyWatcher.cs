using System.Threading.Channels;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Studies;

/// <summary>
/// Starts the retrains of study searches as they succeed: woken by the live status events this API instance relays,
/// and sweeping every <see cref="SweepInterval"/> for what it missed (an event sent while it was not listening, a
/// crash between a search's success and its retrain). Every instance runs it; <see cref="StudyRetrains"/> makes sure a
/// retrain is created once.
/// </summary>
internal sealed class StudyWatcher(StudyRetrains retrains, IExperimentEventStream events, TimeProvider clock, ILogger<StudyWatcher> logger)
    : BackgroundService, IExperimentClient
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.SubscribeAll(this);
        var outage = new OutageLog(logger, "Study retrains", clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = SweepInterval;
            try
            {
                if (await retrains.StartPendingAsync(stoppingToken) is > 0 and var started)
                    logger.LogInformation("Studies: started {Count} retrain(s) of succeeded searches", started);
                outage.Succeeded();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (TransientErrors.IsTransient(e)) { delay = outage.Failed(e); }
            catch (Exception e) { logger.LogError(e, "Studies: a sweep failed"); }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(delay);
            try { await _wake.Reader.ReadAsync(timeout.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            catch (OperationCanceledException) { return; }
        }
    }

    public Task StatusChanged(StatusChangedEvent e)
    {
        if (e.Status == ExperimentStatuses.Succeeded) _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    public Task EpochCompleted(EpochCompletedEvent e) => Task.CompletedTask;
    public Task ArchitectureUpdated(ArchitectureUpdatedEvent e) => Task.CompletedTask;
    public Task LogLine(LogLineEvent e) => Task.CompletedTask;
}
