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

    /// <summary>
    /// Creates the experiment's job and stores its id, under the row's lock: the dispatcher skips a row this holds, and
    /// whichever of the two locks the row first creates the one job; the other finds the id stored and creates none.
    /// </summary>
    public Task<string> DispatchAsync(Experiment experiment, CancellationToken ct) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            var row = await db.Experiments.FromSql($"SELECT * FROM experiments WHERE \"Id\" = {experiment.Id} FOR UPDATE").SingleAsync(c);
            if (row.HangfireJobId is null)
            {
                row.HangfireJobId = Create(row);
                await db.SaveChangesAsync(c);
            }
            return experiment.HangfireJobId = row.HangfireJobId;
        }, ct);

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
