using System.Threading.Channels;
using Npgsql;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Live;

/// <summary>
/// Holds this API instance's one <c>LISTEN pcdarts_events</c> connection and relays every notification as typed
/// events (<see cref="LiveEventReader"/>, <see cref="LiveEventDispatcher"/>). A lost connection is opened again with
/// exponential backoff; what was sent meanwhile is not replayed, but nothing is lost for clients: every event
/// names its epoch, and a client that sees a gap (or reconnects itself) fetches <c>/metrics?afterEpoch=N</c>.
/// </summary>
internal sealed class ExperimentEventListener(
    LiveEventsOptions options, LiveEventReader reader, LiveEventDispatcher dispatcher, ExperimentEventStream stream, TimeProvider clock,
    ILogger<ExperimentEventListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts listening before the host serves, so that a client subscribed right after start misses nothing.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await _firstListen.Task.WaitAsync(options.StartTimeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Not listening to PostgreSQL after {Timeout}: serving without live events until the connection succeeds", options.StartTimeout);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Notifications arrive on the listening connection's reader; rows are read and clients served on another task.
        var payloads = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var relay = RelayAsync(payloads.Reader, stoppingToken);
        try
        {
            await ListenAsync(payloads.Writer, stoppingToken);
        }
        finally
        {
            payloads.Writer.TryComplete();
            await relay;
        }
    }

    private async Task ListenAsync(ChannelWriter<string> payloads, CancellationToken ct)
    {
        var delay = options.MinReconnectDelay;
        var outage = new OutageLog(logger, "Live events", clock);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.ConnectionString);
                connection.Notification += (_, e) => payloads.TryWrite(e.Payload);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {EventPublisher.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (!outage.InOutage) logger.LogInformation("Listening to PostgreSQL channel {Channel} for live events", EventPublisher.Channel);
                outage.Succeeded();
                stream.SetConnected(true);
                _firstListen.TrySetResult();
                delay = options.MinReconnectDelay;
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                stream.SetConnected(false);
                // Logged once per outage (OutageLog); the listener's own backoff keeps its configured bounds.
                outage.Failed(e);
                try { await Task.Delay(delay, clock, ct); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task RelayAsync(ChannelReader<string> payloads, CancellationToken ct)
    {
        try
        {
            await foreach (var payload in payloads.ReadAllAsync(ct))
            {
                try
                {
                    if (EventPublisher.Deserialize(payload) is not { } notification) continue;
                    foreach (var e in await reader.ReadAsync(notification, ct))
                        await dispatcher.DispatchAsync(e, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Live events: could not relay notification {Payload}", payload);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
