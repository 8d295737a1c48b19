using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Metrics;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;

namespace PcDarts.Persistence.Runs;

/// <summary>α/β and the genotype derived from them after one epoch, in storable form.</summary>
public sealed record ArchitectureRecord(float[][] AlphasNormal, float[][] AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, string Genotype);

/// <summary>
/// The database side of a run's store: each finished epoch (metrics row, α/β snapshot, genotype, checkpoint) is
/// written in one transaction with its NOTIFY, so a reader never sees an epoch without the checkpoint after it,
/// and a resumed attempt continues from exactly the last committed epoch.
/// </summary>
public sealed class RunRecorder(IDbContextFactory<PcDartsDbContext> factory, Guid experimentId, TimeProvider clock)
{
    public Guid ExperimentId { get; } = experimentId;

    public byte[]? LoadCheckpoint()
    {
        using var db = factory.CreateDbContext();
        return db.Artifacts.AsNoTracking()
            .Where(a => a.ExperimentId == ExperimentId && a.Kind == ArtifactKinds.Checkpoint)
            .Select(a => a.Content)
            .SingleOrDefault();
    }

    /// <summary>The last epoch committed so far (0 when none).</summary>
    public int LastEpoch()
    {
        using var db = factory.CreateDbContext();
        return db.EpochMetrics.Where(r => r.ExperimentId == ExperimentId).Max(r => (int?)r.Epoch) ?? 0;
    }

    /// <summary>Throws (unique key violation) when the epoch was committed before: an epoch is never written twice.</summary>
    public void CommitEpoch(EpochMetrics metrics, ArchitectureRecord? architecture, byte[] checkpoint)
    {
        var now = clock.GetUtcNow();
        using var db = factory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
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
        ReplaceArtifact(db, Artifact.Create(ExperimentId, ArtifactKinds.Checkpoint, metrics.Epoch, checkpoint, now));
        EventPublisher.Publish(db, new ExperimentEvent(ExperimentId, ExperimentEventKinds.EpochCompleted, metrics.Epoch));
        transaction.Commit();
    }

    /// <summary>A line for the live log of the run: sent as a NOTIFY only, not stored.</summary>
    public void Log(string level, string text)
    {
        using var db = factory.CreateDbContext();
        EventPublisher.Publish(db, ExperimentEvent.Log(ExperimentId, level, text, clock.GetUtcNow()));
    }

    /// <summary>One row per (experiment, kind): the old blob is deleted in the same transaction as the new one is written.</summary>
    public static void ReplaceArtifact(PcDartsDbContext db, Artifact artifact)
    {
        db.Artifacts.Where(a => a.ExperimentId == artifact.ExperimentId && a.Kind == artifact.Kind).ExecuteDelete();
        db.Artifacts.Add(artifact);
        db.SaveChanges();
    }
}
