using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;

namespace PcDarts.Persistence.Runs;

/// <summary>
/// Every status transition of an experiment, each in one transaction that writes the row fields (status, finish time,
/// error, the attempt's outcome), the status NOTIFY and the log line together: a listener never hears of a status the
/// database does not hold yet, and never sees a status change without the line that explains it. The runner's job and
/// the cancel endpoint both go through here; nothing else changes an experiment's status.
/// </summary>
public sealed class ExperimentLifecycle(IDbContextFactory<PcDartsDbContext> factory, TimeProvider clock)
{
    /// <summary>Attempts after which a job whose runner keeps dying (say, out of memory) is failed instead of taken up again.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Starts (or resumes) an attempt on <paramref name="runner"/>; null when there is nothing to run: the experiment is
    /// gone or finished, a cancel came first (it ends cancelled), or it ran out of attempts (it ends failed).
    /// </summary>
    public async Task<AttemptStart?> BeginAttemptAsync(Guid id, string runner, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var experiment = await LockAsync(db, id, ct);
        if (experiment is null || ExperimentStatuses.IsFinished(experiment.Status)) return null;
        var now = clock.GetUtcNow();

        var attempts = await db.JobAttempts.Where(a => a.ExperimentId == id).ToListAsync(ct);
        foreach (var lost in attempts.Where(a => a.Outcome == AttemptOutcomes.Running))
            EndAttempt(lost, AttemptOutcomes.Interrupted, lost.Error ?? "runner lost (no heartbeat); resumed by a later attempt", now);

        if (experiment.CancelRequestedAt is not null)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled before it started", now, ct);
        else if (attempts.Count >= MaxAttempts)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Failed, LogLevels.Error,
                $"gave up after {attempts.Count} attempts whose runners were lost", now, ct, error: true);
        if (ExperimentStatuses.IsFinished(experiment.Status))
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        }

        var lastEpoch = await LastEpochAsync(db, id, ct);
        var attempt = new JobAttempt
        {
            ExperimentId = id, HangfireJobId = experiment.HangfireJobId, Runner = runner, StartedAt = now, ResumedAfterEpoch = lastEpoch,
        };
        db.JobAttempts.Add(attempt);
        experiment.StartedAt ??= now;
        experiment.Error = null;
        await ChangeStatusAsync(db, experiment, ExperimentStatuses.Running, LogLevels.Info, lastEpoch == 0
            ? $"started on runner {runner}"
            : $"resumed after epoch {lastEpoch} on runner {runner} (attempt {attempts.Count + 1})", now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AttemptStart(id, attempt.Id, experiment.Kind, experiment.Spec, experiment.Genotype, lastEpoch, attempts.Count + 1);
    }

    /// <summary>Stores what the run found and its final weights, drops the now useless checkpoint, and ends it succeeded.</summary>
    public async Task SucceedAsync(AttemptStart attempt, RunResult result)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var experiment = await db.Experiments.SingleAsync(e => e.Id == attempt.ExperimentId);
        var lastEpoch = await LastEpochAsync(db, experiment.Id);
        if (experiment.Kind == ExperimentKinds.Search) experiment.Genotype = result.Genotype;
        experiment.Parameters = result.Parameters;
        experiment.MultiplyAdds = result.MultiplyAdds;
        await EndAttemptAsync(db, attempt, AttemptOutcomes.Succeeded, null, now);
        await ChangeStatusAsync(db, experiment, ExperimentStatuses.Succeeded, LogLevels.Info, $"succeeded after {lastEpoch} epochs: {result.Genotype}", now);
        await db.SaveChangesAsync();
        RunRecorder.ReplaceArtifact(db, Artifact.Create(experiment.Id, ArtifactKinds.Weights, lastEpoch, result.FinalWeights, now));
        // The run is over: its resumable state is no longer needed (tens of MB at paper scale).
        await db.Artifacts.Where(a => a.ExperimentId == experiment.Id && a.Kind == ArtifactKinds.Checkpoint).ExecuteDeleteAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The run stopped because its token fired. True when that was a cancel request (it ends cancelled); false when
    /// the runner is shutting down (the attempt is interrupted and the job goes back to the queue to be resumed).
    /// </summary>
    public async Task<bool> EndStoppedAsync(AttemptStart attempt, string runner)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var experiment = await LockAsync(db, attempt.ExperimentId);
        var cancelled = experiment is null || experiment.CancelRequestedAt is not null;
        await EndAttemptAsync(db, attempt, cancelled ? AttemptOutcomes.Cancelled : AttemptOutcomes.Interrupted, cancelled ? null : "runner stopped", now);
        var lastEpoch = await LastEpochAsync(db, attempt.ExperimentId);
        if (experiment is not null && cancelled)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, $"cancelled after epoch {lastEpoch}", now);
        else if (experiment is not null)
            await LogAsync(db, experiment.Id, LogLevels.Warning,
                $"runner {runner} stopping: the job goes back to the queue and resumes after epoch {lastEpoch}", now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return cancelled;
    }

    /// <summary>The run threw: the attempt and the experiment end failed with <paramref name="error"/>.</summary>
    public async Task FailAsync(AttemptStart attempt, string runner, string error)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        await EndAttemptAsync(db, attempt, AttemptOutcomes.Failed, error, now);
        var experiment = await LockAsync(db, attempt.ExperimentId);
        if (experiment is not null)
        {
            experiment.Error = error;
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Failed, LogLevels.Error, $"failed on runner {runner}: {error}", now);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Records a cancel request. A queued experiment is cancelled at once; a running one keeps running until its runner
    /// sees its token fire (the caller deletes the Hangfire job) and calls <see cref="EndStoppedAsync"/>.
    /// </summary>
    public async Task<CancelRequest> RequestCancelAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The row lock orders this against BeginAttemptAsync: either the runner sees the cancel, or this sees it running.
        var experiment = await LockAsync(db, id, ct);
        if (experiment is null) return new CancelRequest(null, false);
        if (ExperimentStatuses.IsFinished(experiment.Status)) return new CancelRequest(experiment, true);

        var now = clock.GetUtcNow();
        experiment.CancelRequestedAt ??= now;
        // Nobody runs it yet: it is cancelled now. A runner that fetched it meanwhile sees the status and stops.
        if (experiment.Status == ExperimentStatuses.Queued)
            await ChangeStatusAsync(db, experiment, ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled while queued", now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CancelRequest(experiment, false);
    }

    /// <summary>The one place a status is set: with its finish time, its NOTIFY and its log line, in the caller's transaction.</summary>
    private static async Task ChangeStatusAsync(
        PcDartsDbContext db, Experiment experiment, string status, string level, string text, DateTimeOffset now,
        CancellationToken ct = default, bool error = false)
    {
        experiment.Status = status;
        if (ExperimentStatuses.IsFinished(status)) experiment.FinishedAt = now;
        if (error) experiment.Error = text;
        await EventPublisher.PublishAsync(db, new ExperimentEvent(experiment.Id, ExperimentEventKinds.StatusChanged, Status: status), ct);
        await LogAsync(db, experiment.Id, level, text, now, ct);
    }

    private static Task LogAsync(PcDartsDbContext db, Guid id, string level, string text, DateTimeOffset now, CancellationToken ct = default) =>
        EventPublisher.PublishAsync(db, ExperimentEvent.Log(id, level, text, now), ct);

    private static Task<Experiment?> LockAsync(PcDartsDbContext db, Guid id, CancellationToken ct = default) =>
        db.Experiments.FromSql($"SELECT * FROM experiments WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(ct);

    private static async Task<int> LastEpochAsync(PcDartsDbContext db, Guid id, CancellationToken ct = default) =>
        await db.EpochMetrics.Where(r => r.ExperimentId == id).MaxAsync(r => (int?)r.Epoch, ct) ?? 0;

    private static async Task EndAttemptAsync(PcDartsDbContext db, AttemptStart attempt, string outcome, string? error, DateTimeOffset now) =>
        EndAttempt(await db.JobAttempts.SingleAsync(a => a.Id == attempt.AttemptId), outcome, error, now);

    private static void EndAttempt(JobAttempt attempt, string outcome, string? error, DateTimeOffset now)
    {
        attempt.Outcome = outcome;
        attempt.Error = error;
        attempt.FinishedAt = now;
    }
}
