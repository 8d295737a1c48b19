using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Logs;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Runs;

/// <summary>
/// Every status transition of an experiment, each in one transaction that writes the row fields (status, finish time,
/// error, the attempt's outcome), the log line and the status NOTIFY together: a listener never hears of a status the
/// database does not hold yet, and hears the line that explains a status before the status itself, so a follower that
/// stops at the final status has every line. The runner's job,
/// the cancel endpoint and the reaper all go through here; nothing else changes an experiment's status. Each
/// transaction runs under the retrying execution strategy (<see cref="Transactions"/>), so it is replayed whole.
/// </summary>
public sealed partial class ExperimentLifecycle(IDbContextFactory<PcDartsDbContext> factory, TimeProvider clock)
{
    /// <summary>Attempts after which a job whose runner keeps dying (say, out of memory) is failed instead of taken up again.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Starts (or resumes) an attempt on <paramref name="runner"/>; null when there is nothing to run: the experiment is
    /// gone or finished, a cancel came first (it ends cancelled), it ran out of attempts (it ends failed), or
    /// <paramref name="jobId"/> is not the experiment's current Hangfire job (a duplicate or superseded job does nothing).
    /// A job that runs before the submission stored its id claims the experiment with its own id; a job the reaper
    /// replaced does not.
    /// </summary>
    public Task<AttemptStart?> BeginAttemptAsync(Guid id, string runner, string? jobId = null, CancellationToken ct = default) =>
        factory.InTransactionAsync<AttemptStart?>(async (db, c) =>
        {
            var experiment = await LockAsync(db, id, c);
            if (experiment is null || ExperimentStatuses.IsFinished(experiment.Status)) return null;
            if (jobId is not null && experiment.HangfireJobId is { } current && current != jobId) return null;
            var attempts = await db.JobAttempts.Where(a => a.ExperimentId == id).ToListAsync(c);
            // An empty job id after attempts means the reaper took the experiment from its job: that job, taken up
            // again once its invisibility ran out, is superseded and must not claim it back (the dispatcher's new one will).
            if (jobId is not null && experiment.HangfireJobId is null && attempts.Any(a => a.HangfireJobId == jobId)) return null;
            if (jobId is not null) experiment.HangfireJobId = jobId;
            var now = clock.GetUtcNow();

            foreach (var lost in attempts.Where(a => a.Outcome == AttemptOutcomes.Running))
                EndAttempt(lost, AttemptOutcomes.Interrupted, lost.Error ?? "runner lost (no heartbeat); resumed by a later attempt", now);

            if (experiment.CancelRequestedAt is not null)
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled before it started", now, c);
            else if (attempts.Count >= MaxAttempts)
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Failed, LogLevels.Error,
                    $"gave up after {attempts.Count} attempts whose runners were lost", now, c, error: true);
            if (ExperimentStatuses.IsFinished(experiment.Status))
            {
                await db.SaveChangesAsync(c);
                return null;
            }

            var lastEpoch = await LastEpochAsync(db, id, c);
            var attempt = new JobAttempt
            {
                ExperimentId = id, HangfireJobId = experiment.HangfireJobId, Runner = runner, StartedAt = now, ResumedAfterEpoch = lastEpoch,
            };
            db.JobAttempts.Add(attempt);
            experiment.StartedAt ??= now;
            experiment.Error = null;
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Running, LogLevels.Info, lastEpoch == 0
                ? $"started on runner {runner}"
                : $"resumed after epoch {lastEpoch} on runner {runner} (attempt {attempts.Count + 1})", now, c);
            await db.SaveChangesAsync(c);
            return new AttemptStart(id, attempt.Id, experiment.Kind, experiment.Spec, experiment.Genotype, lastEpoch, attempts.Count + 1);
        }, ct);

    /// <summary>
    /// Stores what the run found and its final weights, drops the now useless checkpoint, and ends it succeeded.
    /// False when the attempt had already been ended by the reaper (its runner was taken for dead): nothing changes.
    /// </summary>
    public Task<bool> SucceedAsync(AttemptStart attempt, RunResult result, CancellationToken ct = default) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            var now = clock.GetUtcNow();
            var experiment = await LockAsync(db, attempt.ExperimentId, c);
            if (experiment is null || !await EndAttemptAsync(db, attempt, AttemptOutcomes.Succeeded, null, now, c)) return false;
            var lastEpoch = await LastEpochAsync(db, experiment.Id, c);
            if (experiment.Kind == ExperimentKinds.Search) experiment.Genotype = result.Genotype;
            experiment.Parameters = result.Parameters;
            experiment.MultiplyAdds = result.MultiplyAdds;
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Succeeded, LogLevels.Info, $"succeeded after {lastEpoch} epochs: {result.Genotype}", now, c);
            await db.SaveChangesAsync(c);
            RunRecorder.ReplaceArtifact(db, Artifact.Create(experiment.Id, ArtifactKinds.Weights, lastEpoch, result.FinalWeights, now));
            // The run is over: its resumable state is no longer needed (tens of MB at paper scale).
            await db.Artifacts.Where(a => a.ExperimentId == experiment.Id && a.Kind == ArtifactKinds.Checkpoint).ExecuteDeleteAsync(c);
            return true;
        }, ct);

    /// <summary>
    /// The run stopped because its token fired. True when that was a cancel request (it ends cancelled); false when
    /// the runner is shutting down (the attempt is interrupted and the job goes back to the queue to be resumed) or
    /// when the reaper had already ended the attempt (its job was deleted and replaced).
    /// </summary>
    public Task<bool> EndStoppedAsync(AttemptStart attempt, string runner, CancellationToken ct = default) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            var now = clock.GetUtcNow();
            var experiment = await LockAsync(db, attempt.ExperimentId, c);
            var cancelled = experiment is null || experiment.CancelRequestedAt is not null;
            if (!await EndAttemptAsync(db, attempt, cancelled ? AttemptOutcomes.Cancelled : AttemptOutcomes.Interrupted, cancelled ? null : "runner stopped", now, c))
                return experiment is null || ExperimentStatuses.IsFinished(experiment.Status);
            var lastEpoch = await LastEpochAsync(db, attempt.ExperimentId, c);
            if (experiment is not null && cancelled)
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, $"cancelled after epoch {lastEpoch}", now, c);
            else if (experiment is not null)
                await LogAsync(db, experiment.Id, LogLevels.Warning,
                    $"runner {runner} stopping: the job goes back to the queue and resumes after epoch {lastEpoch}", now, c);
            await db.SaveChangesAsync(c);
            return cancelled;
        }, ct);

    /// <summary>The run threw: the attempt and the experiment end failed with <paramref name="error"/> (unless the reaper ended the attempt first).</summary>
    public Task<bool> FailAsync(AttemptStart attempt, string runner, string error, CancellationToken ct = default) =>
        factory.InTransactionAsync(async (db, c) =>
        {
            var now = clock.GetUtcNow();
            var experiment = await LockAsync(db, attempt.ExperimentId, c);
            if (!await EndAttemptAsync(db, attempt, AttemptOutcomes.Failed, error, now, c)) return false;
            if (experiment is not null)
            {
                experiment.Error = error;
                await ChangeStatusAsync(db, experiment, ExperimentStatuses.Failed, LogLevels.Error, $"failed on runner {runner}: {error}", now, c);
            }
            await db.SaveChangesAsync(c);
            return true;
        }, ct);

    /// <summary>
    /// The one place a status is set: with its finish time, its log line and its NOTIFY, in the caller's transaction.
    /// The line's NOTIFY goes first (PostgreSQL delivers a transaction's notifications in the order sent): a client that
    /// stops following at the final status (the dashboard's log panel, `pcdarts logs --follow`, a hub client) has the last line by then.
    /// </summary>
    private static async Task ChangeStatusAsync(
        PcDartsDbContext db, Experiment experiment, string status, string level, string text, DateTimeOffset now,
        CancellationToken ct = default, bool error = false)
    {
        experiment.Status = status;
        if (ExperimentStatuses.IsFinished(status)) experiment.FinishedAt = now;
        if (error) experiment.Error = text;
        await LogAsync(db, experiment.Id, level, text, now, ct);
        await EventPublisher.PublishAsync(db, new ExperimentEvent(experiment.Id, ExperimentEventKinds.StatusChanged, Status: status), ct);
    }

    /// <summary>Stored with the experiment's other log lines (and sent live), in the caller's transaction.</summary>
    private static Task LogAsync(PcDartsDbContext db, Guid id, string level, string text, DateTimeOffset now, CancellationToken ct = default) =>
        ExperimentLog.AppendAsync(db, id, [new PendingLogLine(level, text, now)], ct);

    private static Task<Experiment?> LockAsync(PcDartsDbContext db, Guid id, CancellationToken ct = default) =>
        db.Experiments.FromSql($"SELECT * FROM experiments WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(ct);

    private static async Task<int> LastEpochAsync(PcDartsDbContext db, Guid id, CancellationToken ct = default) =>
        await db.EpochMetrics.Where(r => r.ExperimentId == id).MaxAsync(r => (int?)r.Epoch, ct) ?? 0;

    /// <summary>False when the attempt is no longer running (the reaper ended it): its runner has nothing more to say.</summary>
    private static async Task<bool> EndAttemptAsync(PcDartsDbContext db, AttemptStart attempt, string outcome, string? error, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.JobAttempts.SingleAsync(a => a.Id == attempt.AttemptId, ct);
        if (row.Outcome != AttemptOutcomes.Running) return false;
        EndAttempt(row, outcome, error, now);
        return true;
    }

    private static void EndAttempt(JobAttempt attempt, string outcome, string? error, DateTimeOffset now)
    {
        attempt.Outcome = outcome;
        attempt.Error = error;
        attempt.FinishedAt = now;
    }
}
