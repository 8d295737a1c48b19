using Hangfire;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Experiments;

/// <summary>
/// How an experiment is deleted, for the experiment's own delete and a study's: its Hangfire job goes, and its row
/// goes with everything that hangs off it (epochs, α/β, attempts, log, weights and checkpoints: cascades in the schema).
/// The save that follows passes the change interceptor, which checks ownership and writes one audit line per experiment.
/// </summary>
internal static class ExperimentRemoval
{
    public static void Remove(PcDartsDbContext db, IBackgroundJobClient jobs, Experiment experiment)
    {
        if (experiment.HangfireJobId is not null) jobs.Delete(experiment.HangfireJobId);
        db.Experiments.Remove(experiment);
    }
}
