using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Logs;

/// <summary>
/// Collects a run's log lines and stores them in batches (every <see cref="FlushInterval"/>, and on <see cref="FlushAsync"/>),
/// so a chatty run costs one short transaction per batch, not a round trip per line. While the database is away the
/// lines wait here, at most <see cref="MaxPending"/> of them (then the oldest go), and are stored once it returns.
/// </summary>
public sealed class RunLogWriter : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);
    public const int MaxPending = 2_000;

    private readonly IDbContextFactory<PcDartsDbContext> _factory;
    private readonly Guid _experimentId;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly ITimer _timer;
    private List<PendingLogLine> _pending = [];

    public RunLogWriter(IDbContextFactory<PcDartsDbContext> factory, Guid experimentId, TimeProvider clock, ILogger logger)
    {
        _factory = factory;
        _experimentId = experimentId;
        _clock = clock;
        _logger = logger;
        _timer = clock.CreateTimer(_ => _ = FlushQuietlyAsync(skipIfBusy: true), null, FlushInterval, FlushInterval);
    }

    public void Add(string level, string text)
    {
        lock (_gate)
        {
            _pending.Add(new PendingLogLine(level, text, _clock.GetUtcNow()));
            if (_pending.Count > MaxPending) _pending.RemoveRange(0, _pending.Count - MaxPending);
        }
    }

    /// <summary>Stores what is pending; the job calls it before the lifecycle records the end, so the end's line comes last.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            await StorePendingAsync(ct);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task StorePendingAsync(CancellationToken ct)
    {
        List<PendingLogLine> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            (batch, _pending) = (_pending, []);
        }
        try
        {
            await _factory.InTransactionAsync((db, c) => ExperimentLog.AppendAsync(db, _experimentId, batch, c), ct);
        }
        catch (Exception e) when (TransientErrors.IsTransient(e))
        {
            lock (_gate)
            {
                _pending.InsertRange(0, batch);
                if (_pending.Count > MaxPending) _pending.RemoveRange(0, _pending.Count - MaxPending);
            }
            _logger.LogDebug("Experiment {Id}: {Count} log line(s) wait for the database", _experimentId, batch.Count);
        }
    }

    /// <summary>
    /// The timer's flush: skipped while one is under way (during an outage one can retry for a while: ticks must not
    /// pile up behind it), and a failure is logged, never thrown on a pool thread.
    /// </summary>
    private async Task FlushQuietlyAsync(bool skipIfBusy)
    {
        try
        {
            if (skipIfBusy && !await _flushing.WaitAsync(0)) return;
            if (!skipIfBusy) await _flushing.WaitAsync();
            try
            {
                await StorePendingAsync(CancellationToken.None);
            }
            finally
            {
                _flushing.Release();
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Experiment {Id}: storing log lines failed", _experimentId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await FlushQuietlyAsync(skipIfBusy: false);
    }
}
