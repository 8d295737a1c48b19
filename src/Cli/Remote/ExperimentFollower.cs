using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Core.Metrics;

namespace PcDarts.Cli.Remote;

/// <summary>
/// Follows one experiment to its end: through the API's live stream when it can be reached, else by polling the REST
/// API. Either way every epoch is reported exactly once and in order: events carry their epoch, and whenever one is
/// missing (a gap, a reconnect, a lost notification) the rest is fetched with <c>/metrics?afterEpoch=N</c>.
/// </summary>
internal sealed class ExperimentFollower(ExperimentsClient api, WaitReporter reporter)
{
    /// <summary>How often the status is read while following the hub: a safety net, should a notification be lost.</summary>
    public static TimeSpan StatusCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    private sealed record Resubscribe;

    private int _lastEpoch;

    /// <summary>The final status (succeeded, failed or cancelled); throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires first.</summary>
    public async Task<string> FollowAsync(Guid id, bool useHub, CancellationToken ct)
    {
        var experiment = await api.GetAsync(id, ct);
        reporter.Start(experiment);
        if (await SyncAsync(id, experiment, ct) is { } finished) return finished;
        if (useHub && await FollowHubAsync(id, ct) is { } status) return status;
        return await PollAsync(id, ct);
    }

    /// <summary>Null when the hub could not be reached or closed for good: the caller goes on polling.</summary>
    private async Task<string?> FollowHubAsync(Guid id, CancellationToken ct)
    {
        var events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server, LiveRoutes.ExperimentsHub.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult(api.Token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions = ExperimentsClient.Json)
            .WithAutomaticReconnect()
            .Build();
        hub.On<EpochCompletedEvent>(nameof(IExperimentClient.EpochCompleted), e => events.Writer.TryWrite(e));
        hub.On<ArchitectureUpdatedEvent>(nameof(IExperimentClient.ArchitectureUpdated), e => events.Writer.TryWrite(e));
        hub.On<StatusChangedEvent>(nameof(IExperimentClient.StatusChanged), e => events.Writer.TryWrite(e));
        hub.On<LogLineEvent>(nameof(IExperimentClient.LogLine), e => events.Writer.TryWrite(e));
        // A new connection has no groups: subscribe again, then fetch what went by meanwhile.
        hub.Reconnected += _ => { events.Writer.TryWrite(new Resubscribe()); return Task.CompletedTask; };
        hub.Closed += _ => { events.Writer.TryComplete(); return Task.CompletedTask; };
        try
        {
            await hub.StartAsync(ct);
            await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            reporter.Note($"live stream unreachable ({e.Message}); polling");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The deadline fired while connecting: SignalR reports it as a transport failure, the caller as a timeout.
            throw new OperationCanceledException(ct);
        }
        // Subscribed first, read second: whatever happened before is in the database, whatever happens after arrives.
        if (await SyncAsync(id, null, ct) is { } finished) return finished;

        while (true)
        {
            object item;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                idle.CancelAfter(StatusCheckInterval);
                try
                {
                    if (!await events.Reader.WaitToReadAsync(idle.Token))
                    {
                        reporter.Note("live stream closed; polling");
                        return null;
                    }
                    item = await events.Reader.ReadAsync(ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (await SyncAsync(id, null, ct) is { } done) return done;
                    continue;
                }
            }
            switch (item)
            {
                case EpochCompletedEvent e when e.Metrics.Epoch == _lastEpoch + 1:
                    Epochs([e.Metrics]);
                    break;
                case EpochCompletedEvent e when e.Metrics.Epoch > _lastEpoch + 1:
                    await FetchEpochsAsync(id, ct);
                    break;
                case ArchitectureUpdatedEvent e:
                    reporter.Architecture(e);
                    break;
                case LogLineEvent e:
                    reporter.Log(e);
                    break;
                case StatusChangedEvent e when ExperimentStatuses.IsFinished(e.Status):
                    // Epoch rows commit before the final status: whatever is still missing is in the database now.
                    await FetchEpochsAsync(id, ct);
                    reporter.Status(e);
                    return e.Status;
                case StatusChangedEvent e:
                    reporter.Status(e);
                    break;
                case Resubscribe:
                    try
                    {
                        await hub.InvokeAsync(nameof(IExperimentHub.Subscribe), id, ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        reporter.Note($"live stream lost ({ex.Message}); polling");
                        return null;
                    }
                    if (await SyncAsync(id, null, ct) is { } done) return done;
                    break;
            }
        }
    }

    private async Task<string> PollAsync(Guid id, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await SyncAsync(id, null, ct) is { } finished) return finished;
            }
            catch (HttpRequestException e)
            {
                reporter.Note($"server unreachable ({e.Message}); retrying");
            }
            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>Reports the epochs not yet reported; returns the status when the experiment has finished.</summary>
    private async Task<string?> SyncAsync(Guid id, ExperimentDto? experiment, CancellationToken ct)
    {
        experiment ??= await api.GetAsync(id, ct);
        reporter.Waiting(experiment);
        if (experiment.EpochsCompleted > _lastEpoch) await FetchEpochsAsync(id, ct);
        if (!ExperimentStatuses.IsFinished(experiment.Status)) return null;
        reporter.Status(new StatusChangedEvent(id, experiment.Status, experiment.Error, experiment.EpochsCompleted));
        return experiment.Status;
    }

    private async Task FetchEpochsAsync(Guid id, CancellationToken ct) =>
        Epochs((await api.GetMetricsAsync(id, _lastEpoch, ct)).Epochs);

    private void Epochs(IEnumerable<EpochMetrics> epochs)
    {
        foreach (var m in epochs.OrderBy(m => m.Epoch))
        {
            if (m.Epoch <= _lastEpoch) continue;
            _lastEpoch = m.Epoch;
            reporter.Epoch(m);
        }
    }

}
