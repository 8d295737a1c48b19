using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Logs;

/// <summary>
/// Collects a run's log lines and stores them in batches (every <see cref="FlushInterval"/>, and on <see cref="Flush"/>),
/// so a chatty run costs one short transaction per batch, not a round trip per line. While the database is away the
/// lines wait here, at most <see cref="MaxPending"/> of them (then the oldest go), and are stored once it returns.
/// </summary>
public sealed class RunLogWriter : IDisposable
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
        _timer = clock.CreateTimer(_ => FlushQuietly(), null, FlushInterval, FlushInterval);
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
    public void Flush()
    {
        _flushing.Wait();
        try
        {
            List<PendingLogLine> batch;
            lock (_gate)
            {
                if (_pending.Count == 0) return;
                (batch, _pending) = (_pending, []);
            }
            try
            {
                _factory.InTransaction((db, _) => ExperimentLog.Append(db, _experimentId, batch));
            }
            catch (Exception e) when (TransientErrors.IsTransient(e))
            {
                lock (_gate) _pending.InsertRange(0, batch);
                _logger.LogDebug("Experiment {Id}: {Count} log line(s) wait for the database", _experimentId, batch.Count);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The timer's flush: a failure is logged, never thrown on a pool thread (that would end the process).</summary>
    private void FlushQuietly()
    {
        try
        {
            Flush();
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Experiment {Id}: storing log lines failed", _experimentId);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        FlushQuietly();
    }
}
