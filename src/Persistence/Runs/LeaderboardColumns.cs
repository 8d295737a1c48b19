using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;

namespace PcDarts.Persistence.Runs;

/// <summary>
/// Keeps an experiment's leaderboard columns (best accuracy of its kind, compute seconds, epochs) in step with its
/// epoch rows: one UPDATE in the transaction that commits the epoch, so the two never disagree.
/// </summary>
public static class LeaderboardColumns
{
    public static void AddEpoch(PcDartsDbContext db, Guid experimentId, EpochMetrics metrics)
    {
        var valid = metrics.ValidTop1;
        db.Experiments.Where(e => e.Id == experimentId).ExecuteUpdate(s => s
            .SetProperty(e => e.ComputeSeconds, e => e.ComputeSeconds + metrics.Seconds)
            .SetProperty(e => e.EpochsCompleted, e => e.EpochsCompleted + 1)
            .SetProperty(e => e.SearchTop1, e => e.Kind == ExperimentKinds.Search && valid != null && (e.SearchTop1 == null || e.SearchTop1 < valid)
                ? valid : e.SearchTop1)
            .SetProperty(e => e.RetrainTop1, e => e.Kind == ExperimentKinds.Retrain && valid != null && (e.RetrainTop1 == null || e.RetrainTop1 < valid)
                ? valid : e.RetrainTop1));
    }

    /// <summary>The columns of an experiment whose epochs arrive all at once (an import), not one commit at a time.</summary>
    public static void Fill(Entities.Experiment experiment, IReadOnlyCollection<EpochMetrics> epochs)
    {
        var best = epochs.Max(e => e.ValidTop1);
        experiment.EpochsCompleted = epochs.Count;
        experiment.ComputeSeconds = epochs.Sum(e => e.Seconds);
        experiment.SearchTop1 = experiment.Kind == ExperimentKinds.Search ? best : null;
        experiment.RetrainTop1 = experiment.Kind == ExperimentKinds.Retrain ? best : null;
    }

    /// <summary>
    /// The same columns computed from the epoch rows already stored: the migration that adds them runs this once.
    /// Table and column names are the ones EpochRecordConfiguration and ExperimentConfiguration give.
    /// </summary>
    public const string BackfillSql = $$"""
        UPDATE experiments AS e SET
            "ComputeSeconds" = m.seconds,
            "EpochsCompleted" = m.epochs,
            "SearchTop1" = CASE WHEN e."Kind" = '{{ExperimentKinds.Search}}' THEN m.best END,
            "RetrainTop1" = CASE WHEN e."Kind" = '{{ExperimentKinds.Retrain}}' THEN m.best END
        FROM (SELECT "ExperimentId", sum("Seconds") AS seconds, count(*) AS epochs, max("ValidTop1") AS best
              FROM epoch_metrics GROUP BY "ExperimentId") AS m
        WHERE m."ExperimentId" = e."Id";
        """;
}
