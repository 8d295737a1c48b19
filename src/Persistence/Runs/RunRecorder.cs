using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PcDarts.Core.Metrics;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Logs;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Runs;

/// <summary>α/β and the genotype derived from them after one epoch, in storable form.</summary>
public sealed record ArchitectureRecord(float[][] AlphasNormal, float[][] AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, string Genotype);

/// <summary>
/// The database side of a run's store: each finished epoch (metrics row, α/β snapshot, genotype, checkpoint) is
/// written in one transaction with its NOTIFY, so a reader never sees an epoch without the checkpoint after it,
/// and a resumed attempt continues from exactly the last committed epoch. While PostgreSQL is away the engine's thread
/// waits here with the epoch (and its checkpoint) in memory, and commits it once the database returns, bounded by
/// <paramref name="stopping"/> (the job's cancel or the host's stop).
/// </summary>
public sealed class RunRecorder(
    IDbContextFactory<PcDartsDbContext> factory, Guid experimentId, TimeProvider clock, ILogger? logger = null, CancellationToken stopping = default)
    : IAsyncDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly RunLogWriter _log = new(factory, experimentId, clock, logger ?? NullLogger.Instance);

    public Guid ExperimentId { get; } = experimentId;

    public byte[]? LoadCheckpoint() => DatabaseOutage.WaitOut(_ =>
    {
        using var db = factory.CreateDbContext();
        return db.Artifacts.AsNoTracking()
            .Where(a => a.ExperimentId == ExperimentId && a.Kind == ArtifactKinds.Checkpoint)
            .Select(a => a.Content)
            .SingleOrDefault();
    }, _logger, $"Experiment {ExperimentId}: loading the checkpoint", clock, stopping);

    /// <summary>The last epoch committed so far (0 when none).</summary>
    public int LastEpoch()
    {
        using var db = factory.CreateDbContext();
        return db.EpochMetrics.Where(r => r.ExperimentId == ExperimentId).Max(r => (int?)r.Epoch) ?? 0;
    }

    /// <summary>
    /// Commits the epoch exactly once. Transient failures are retried (by EF's strategy, then until the database
    /// returns). A retry that hits the (experiment, epoch) key means an earlier try committed although its answer was
    /// lost with the connection: the epoch is stored, so it is done. On a first try the same key means another attempt
    /// stored this epoch already, and that throws: an epoch is never written twice.
    /// </summary>
    public void CommitEpoch(EpochMetrics metrics, ArchitectureRecord? architecture, byte[] checkpoint)
    {
        var retried = false;
        DatabaseOutage.WaitOut(outageTry =>
        {
            try
            {
                factory.InTransaction((db, strategyTry) =>
                {
                    retried |= outageTry + strategyTry > 0;
                    Write(db, metrics, architecture, checkpoint);
                    return true;
                });
            }
            catch (Exception e) when (retried && TransientErrors.IsUniqueViolation(e))
            {
                _logger.LogInformation("Experiment {Id}: epoch {Epoch} was stored by a try whose answer was lost", ExperimentId, metrics.Epoch);
            }
            return true;
        }, _logger, $"Experiment {ExperimentId}: committing epoch {metrics.Epoch}", clock, stopping);
    }

    private void Write(PcDartsDbContext db, EpochMetrics metrics, ArchitectureRecord? architecture, byte[] checkpoint)
    {
        var now = clock.GetUtcNow();
        db.EpochMetrics.Add(EpochRecord.From(ExperimentId, metrics, now));
        if (architecture is not null)
            db.EpochArchitectures.Add(new EpochArchitecture
            {
                ExperimentId = ExperimentId,
                Epoch = metrics.Epoch,
                AlphasNormal = architecture.AlphasNormal,
                AlphasReduce = architecture.AlphasReduce,
                BetasNormal = architecture.BetasNormal,
                BetasReduce = architecture.BetasReduce,
                Genotype = architecture.Genotype,
            });
        db.SaveChanges();
        LeaderboardColumns.AddEpoch(db, ExperimentId, metrics);
        ReplaceArtifact(db, Artifact.Create(ExperimentId, ArtifactKinds.Checkpoint, metrics.Epoch, checkpoint, now));
        EventPublisher.Publish(db, new ExperimentEvent(ExperimentId, ExperimentEventKinds.EpochCompleted, metrics.Epoch));
    }

    /// <summary>A line for the run's log: stored with the others in the next batch (see <see cref="RunLogWriter"/>) and sent live.</summary>
    public void Log(string level, string text) => _log.Add(level, text);

    /// <summary>Stores the pending log lines now.</summary>
    public Task FlushLogAsync(CancellationToken ct = default) => _log.FlushAsync(ct);

    public ValueTask DisposeAsync() => _log.DisposeAsync();

    /// <summary>One row per (experiment, kind): the old blob is deleted in the same transaction as the new one is written.</summary>
    public static void ReplaceArtifact(PcDartsDbContext db, Artifact artifact)
    {
        db.Artifacts.Where(a => a.ExperimentId == artifact.ExperimentId && a.Kind == artifact.Kind).ExecuteDelete();
        db.Artifacts.Add(artifact);
        db.SaveChanges();
    }
}
