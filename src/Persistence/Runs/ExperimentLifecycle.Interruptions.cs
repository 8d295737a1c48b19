using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Runs;

/// <summary>An attempt whose runner stopped sending heartbeats (<see cref="RunnerLiveness"/>).</summary>
public sealed record StaleAttempt(long AttemptId, Guid ExperimentId, string Runner, DateTimeOffset? LastHeartbeat);

/// <summary>
/// What the reaper did with a stale attempt: <see cref="Requeued"/> when the experiment waits for a new job (the caller
/// deletes <see cref="OldJobId"/>; the dispatcher creates the new one), otherwise it ended (failed or cancelled).
/// </summary>
public sealed record Interruption(Guid ExperimentId, string? OldJobId, bool Requeued);

public sealed partial class ExperimentLifecycle
{
    /// <summary>
    /// Records a cancel request. A queued experiment is cancelled at once, and so is a running one whose runner is gone
    /// (nobody would ever see its token fire). A running one with a live runner keeps running until the runner sees
    /// its token fire (the caller deletes the Hangfire job) and calls <see cref="EndStoppedAsync"/>.
    /// </summary>
    public Task<CancelRequest> RequestCancelAsync(Guid id, CancellationToken ct = default) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            // The row lock orders this against BeginAttemptAsync: either the runner sees the cancel, or this sees it running.
            var experiment = await LockAsync(db, id, c);
            if (experiment is null) return new CancelRequest(null, false);
            if (ExperimentStatuses.IsFinished(experiment.Status)) return new CancelRequest(experiment, true);

            var now = clock.GetUtcNow();
            experiment.CancelRequestedAt ??= now;
            // Nobody runs it yet: it is cancelled now. A runner that fetched it meanwhile sees the status and stops.
            if (experiment.Status == ExperimentStatuses.Queued)
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled while queued", now, c);
            else if (await RunningAttemptsOfDeadRunnersAsync(db, id, now, c) is { Count: > 0 } dead)
            {
                foreach (var attempt in dead) EndAttempt(attempt, AttemptOutcomes.Cancelled, $"runner {attempt.Runner} was gone", now);
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info,
                    $"cancelled after epoch {await LastEpochAsync(db, id, c)} (runner {dead[0].Runner} was gone)", now, c);
            }
            await db.SaveChangesAsync(c);
            return new CancelRequest(experiment, false);
        }, ct);

    /// <summary>Running attempts whose runner's heartbeat is older than <see cref="RunnerLiveness.StaleAfter"/> (or whose runner left).</summary>
    public async Task<IReadOnlyList<StaleAttempt>> FindStaleAttemptsAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - RunnerLiveness.StaleAfter;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.JobAttempts.AsNoTracking()
            .Where(a => a.Outcome == AttemptOutcomes.Running && a.StartedAt < cutoff
                && !db.Runners.Any(r => r.Name == a.Runner && r.HeartbeatAt >= cutoff))
            .Select(a => new StaleAttempt(a.Id, a.ExperimentId, a.Runner,
                db.Runners.Where(r => r.Name == a.Runner).Select(r => (DateTimeOffset?)r.HeartbeatAt).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Ends a stale attempt interrupted, marks its runner offline, and re-queues the experiment to resume from its last
    /// checkpoint with no job id (the dispatcher gives it a new job) — or, after <paramref name="maxInterruptions"/>
    /// interruptions, fails it saying why. Null when the attempt had ended meanwhile (its runner came back and finished).
    /// </summary>
    public Task<Interruption?> InterruptAsync(StaleAttempt stale, int maxInterruptions, CancellationToken ct = default) =>
        factory.InTransactionAsync<Interruption?>(async (db, c) =>
        {
            var now = clock.GetUtcNow();
            var experiment = await LockAsync(db, stale.ExperimentId, c);
            var attempt = await db.JobAttempts.SingleOrDefaultAsync(a => a.Id == stale.AttemptId, c);
            if (experiment is null || attempt is null || attempt.Outcome != AttemptOutcomes.Running) return null;
            var silence = stale.LastHeartbeat is { } beat ? $"no heartbeat for {(now - beat).TotalSeconds:F0} s" : "it left the runners table";
            EndAttempt(attempt, AttemptOutcomes.Interrupted, $"runner {stale.Runner} lost: {silence}", now);
            await db.Runners.Where(r => r.Name == stale.Runner && r.CurrentExperimentId == stale.ExperimentId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CurrentExperimentId, (Guid?)null), c);
            await db.SaveChangesAsync(c);

            return await EndOrRequeueAsync(db, experiment, $"runner {stale.Runner} lost ({silence})", maxInterruptions, now, c);
        }, ct);

    /// <summary>
    /// The reaper's one policy for an experiment that lost its run (a dead runner's attempt, or no attempt at all): a
    /// requested cancel ends it cancelled; <paramref name="maxInterruptions"/> interrupted attempts end it failed, saying
    /// why; otherwise it is queued again with no job id, to resume from its last checkpoint (the dispatcher gives it a job).
    /// </summary>
    private static async Task<Interruption> EndOrRequeueAsync(
        PcDartsDbContext db, Experiment experiment, string cause, int maxInterruptions, DateTimeOffset now, CancellationToken ct)
    {
        var interruptions = await db.JobAttempts.CountAsync(a => a.ExperimentId == experiment.Id && a.Outcome == AttemptOutcomes.Interrupted, ct);
        var lastEpoch = await LastEpochAsync(db, experiment.Id, ct);
        var oldJob = experiment.HangfireJobId;
        if (ExperimentStatuses.IsFinished(experiment.Status)) return new Interruption(experiment.Id, null, false);
        if (experiment.CancelRequestedAt is not null)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info,
                $"cancelled after epoch {lastEpoch} ({cause})", now, ct);
        else if (interruptions >= maxInterruptions)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Failed, LogLevels.Error,
                $"gave up after {interruptions} interruptions: {cause} after epoch {lastEpoch}; at most {maxInterruptions} are resumed",
                now, ct, error: true);
        else
        {
            experiment.HangfireJobId = null;
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Queued, LogLevels.Warning,
                $"{cause}: re-queued to resume after epoch {lastEpoch} ({interruptions} interruption(s) so far, at most {maxInterruptions} are resumed)", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return new Interruption(experiment.Id, oldJob, experiment.Status == ExperimentStatuses.Queued);
    }

    private static async Task<List<JobAttempt>> RunningAttemptsOfDeadRunnersAsync(PcDartsDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - RunnerLiveness.StaleAfter;
        var running = await db.JobAttempts.Where(a => a.ExperimentId == id && a.Outcome == AttemptOutcomes.Running).ToListAsync(ct);
        var alive = await db.Runners.Where(r => r.HeartbeatAt >= cutoff).Select(r => r.Name).ToListAsync(ct);
        // A running experiment with no running attempt has lost its runner too: treat it like a dead one.
        if (running.Count == 0) return [new JobAttempt { Runner = "(none)", ExperimentId = id }];
        return running.Any(a => alive.Contains(a.Runner)) ? [] : running;
    }
}
