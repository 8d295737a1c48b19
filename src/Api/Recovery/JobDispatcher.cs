using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PcDarts.Core.Contracts;
using PcDarts.Core.Jobs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Recovery;

/// <summary>
/// Gives queued experiments their Hangfire job. The experiments table is its own outbox: a submission commits the row
/// with no job id, then creates the job and stores its id; whatever a crash leaves without a job (and whatever the
/// reaper re-queues) is picked up by <see cref="DispatchPendingAsync"/>. Two jobs for one experiment are harmless: only
/// the one whose id is stored runs (a job that runs before its id is stored claims the experiment with it).
/// </summary>
public sealed class JobDispatcher(IDbContextFactory<PcDartsDbContext> factory, IBackgroundJobClient jobs, TimeProvider clock, IOptions<ReaperOptions> options)
{
    private const int Batch = 100;

    /// <summary>Creates the experiment's job and stores its id unless another job was stored first (then this one is deleted).</summary>
    public async Task<string> DispatchAsync(Experiment experiment, CancellationToken ct)
    {
        var jobId = Create(experiment);
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.Experiments.Where(e => e.Id == experiment.Id && (e.HangfireJobId == null || e.HangfireJobId == jobId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HangfireJobId, jobId), ct);
        if (stored == 1) return experiment.HangfireJobId = jobId;
        jobs.Delete(jobId);
        return experiment.HangfireJobId = await db.Experiments.Where(e => e.Id == experiment.Id).Select(e => e.HangfireJobId).SingleAsync(ct) ?? jobId;
    }

    /// <summary>Queued experiments with no job id, older than <see cref="ReaperOptions.DispatchAfter"/>, get one; rows another instance holds are skipped.</summary>
    public Task<int> DispatchPendingAsync(CancellationToken ct) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            var before = clock.GetUtcNow() - options.Value.DispatchAfter;
            var pending = await db.Experiments.FromSql($"""
                SELECT * FROM experiments
                WHERE "Status" = {ExperimentStatuses.Queued} AND "HangfireJobId" IS NULL AND "CancelRequestedAt" IS NULL AND "CreatedAt" < {before}
                ORDER BY "CreatedAt" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(c);
            foreach (var experiment in pending) experiment.HangfireJobId = Create(experiment);
            await db.SaveChangesAsync(c);
            return pending.Count;
        }, ct);

    private string Create(Experiment experiment) =>
        jobs.Create<IExperimentJob>(j => j.RunAsync(experiment.Id, CancellationToken.None), new EnqueuedState(experiment.Queue));
}
