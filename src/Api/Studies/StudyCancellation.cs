using Hangfire;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Studies;

/// <summary>
/// Cancels a study: marks it under its row lock (so no retrain starts after), then cancels every member not final
/// through the experiment lifecycle, as the experiment's own cancel does.
/// </summary>
public sealed class StudyCancellation(IDbContextFactory<PcDartsDbContext> contexts, ExperimentLifecycle lifecycle, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>False when there is no such study; otherwise how many members the cancel reached.</summary>
    public async Task<int?> CancelAsync(Guid id, CancellationToken ct)
    {
        var found = await contexts.InTransactionAsync(async (db, c) =>
        {
            var study = await db.Studies.FromSql($"SELECT * FROM studies WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(c);
            if (study is null) return false;
            study.CancelRequestedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(c);
            return true;
        }, ct);
        if (!found) return null;

        List<Guid> active;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            active = await db.Experiments.Where(e => e.StudyId == id && (e.Status == ExperimentStatuses.Queued || e.Status == ExperimentStatuses.Running))
                .Select(e => e.Id).ToListAsync(ct);
        foreach (var member in active)
        {
            var request = await lifecycle.RequestCancelAsync(member, ct);
            // Deleting a processing job fires its CancellationToken on the runner within CancellationCheckInterval.
            if (request is { AlreadyFinished: false, Experiment.HangfireJobId: { } job }) jobs.Delete(job);
        }
        return active.Count;
    }
}
