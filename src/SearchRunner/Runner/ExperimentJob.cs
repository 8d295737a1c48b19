using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Runs;

namespace PcDarts.SearchRunner.Runner;

/// <summary>What a finished run hands back to be stored.</summary>
internal sealed record EngineResult(string Genotype, long Parameters, long? MultiplyAdds, byte[] FinalWeights);

/// <summary>
/// Runs one stored experiment on this runner: records the attempt, runs the engine on a thread of its own with a
/// <see cref="PostgresRunStore"/> (which resumes from the last committed epoch), and records how it ended. Safe to
/// run twice: a finished or cancelled experiment is left alone, and a second attempt resumes where the first stopped.
/// </summary>
public sealed partial class ExperimentJob(
    IDbContextFactory<PcDartsDbContext> factory, RunnerIdentity identity, TimeProvider clock, ILogger<ExperimentJob> logger) : IExperimentJob
{
    /// <summary>Attempts after which a job whose runner keeps dying (say, out of memory) is failed instead of taken up again.</summary>
    public const int MaxAttempts = 5;

    public async Task RunAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var attempt = await BeginAttemptAsync(experimentId, cancellationToken);
        if (attempt is null) return;
        identity.Started(experimentId);
        try
        {
            var recorder = new RunRecorder(factory, experimentId, clock);
            // The engine is synchronous and CPU-bound: give it a thread of its own rather than a pool thread.
            var result = await Task.Factory.StartNew(
                () => RunEngine(attempt.Kind, attempt.Spec, attempt.Genotype, recorder, cancellationToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await SucceedAsync(experimentId, attempt.AttemptId, result);
            logger.LogInformation("Experiment {Id} succeeded: {Genotype}", experimentId, result.Genotype);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (await EndCancelledOrInterruptedAsync(experimentId, attempt.AttemptId)) return;
            throw; // shutting down: Hangfire puts the job back and the next attempt resumes from the checkpoint
        }
        catch (Exception e)
        {
            logger.LogError(e, "Experiment {Id} failed", experimentId);
            await FailAsync(experimentId, attempt.AttemptId, Describe(e));
            throw; // the Hangfire job fails too (no automatic retry, see JobRetryPolicy)
        }
        finally
        {
            identity.Finished(experimentId);
        }
    }

    private sealed record AttemptStart(long AttemptId, string Kind, string Spec, string? Genotype);

    private async Task<AttemptStart?> BeginAttemptAsync(Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Row lock: a cancel arriving now waits for this decision, and this decision sees a committed cancel.
        var experiment = await db.Experiments.FromSql($"SELECT * FROM experiments WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (experiment is null || ExperimentStatuses.IsFinished(experiment.Status)) return null;
        var now = clock.GetUtcNow();

        var attempts = await db.JobAttempts.Where(a => a.ExperimentId == id).ToListAsync(ct);
        foreach (var lost in attempts.Where(a => a.Outcome == AttemptOutcomes.Running))
        {
            lost.Outcome = AttemptOutcomes.Interrupted;
            lost.FinishedAt = now;
            lost.Error ??= "runner lost (no heartbeat); resumed by a later attempt";
        }

        string? endStatus = null;
        if (experiment.CancelRequestedAt is not null) endStatus = ExperimentStatuses.Cancelled;
        else if (attempts.Count >= MaxAttempts)
        {
            endStatus = ExperimentStatuses.Failed;
            experiment.Error = $"gave up after {attempts.Count} attempts whose runners were lost";
        }
        if (endStatus is not null)
        {
            experiment.Status = endStatus;
            experiment.FinishedAt = now;
            await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: endStatus), ct);
            await LogAsync(db, id, endStatus == ExperimentStatuses.Cancelled ? LogLevels.Info : LogLevels.Error,
                experiment.Error ?? "cancelled before it started", now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        }

        var lastEpoch = await db.EpochMetrics.Where(r => r.ExperimentId == id).MaxAsync(r => (int?)r.Epoch, ct) ?? 0;
        var attempt = new JobAttempt
        {
            ExperimentId = id,
            HangfireJobId = experiment.HangfireJobId,
            Runner = identity.Name,
            StartedAt = now,
            ResumedAfterEpoch = lastEpoch,
        };
        db.JobAttempts.Add(attempt);
        experiment.Status = ExperimentStatuses.Running;
        experiment.StartedAt ??= now;
        experiment.Error = null;
        await db.SaveChangesAsync(ct);
        await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: experiment.Status), ct);
        await LogAsync(db, id, LogLevels.Info, lastEpoch == 0
            ? $"started on runner {identity.Name}"
            : $"resumed after epoch {lastEpoch} on runner {identity.Name} (attempt {attempts.Count + 1})", now, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Experiment {Id}: attempt {Attempt} on {Runner}, resuming after epoch {Epoch}", id, attempt.Id, identity.Name, lastEpoch);
        return new AttemptStart(attempt.Id, experiment.Kind, experiment.Spec, experiment.Genotype);
    }

    private async Task SucceedAsync(Guid id, long attemptId, EngineResult result)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var experiment = await db.Experiments.SingleAsync(e => e.Id == id);
        var lastEpoch = await db.EpochMetrics.Where(r => r.ExperimentId == id).MaxAsync(r => (int?)r.Epoch) ?? 0;
        if (experiment.Kind == ExperimentKinds.Search) experiment.Genotype = result.Genotype;
        experiment.Parameters = result.Parameters;
        experiment.MultiplyAdds = result.MultiplyAdds;
        experiment.Status = ExperimentStatuses.Succeeded;
        experiment.FinishedAt = now;
        await EndAttemptAsync(db, attemptId, AttemptOutcomes.Succeeded, null, now);
        await db.SaveChangesAsync();
        RunRecorder.ReplaceArtifact(db, Artifact.Create(id, ArtifactKinds.Weights, lastEpoch, result.FinalWeights, now));
        // The run is over: its resumable state is no longer needed (tens of MB at paper scale).
        await db.Artifacts.Where(a => a.ExperimentId == id && a.Kind == ArtifactKinds.Checkpoint).ExecuteDeleteAsync();
        await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: experiment.Status));
        await LogAsync(db, id, LogLevels.Info, $"succeeded after {lastEpoch} epochs: {result.Genotype}", now);
        await transaction.CommitAsync();
    }

    /// <summary>True when the stop was a cancel request (now recorded); false when the runner is shutting down.</summary>
    private async Task<bool> EndCancelledOrInterruptedAsync(Guid id, long attemptId)
    {
        await using var db = await factory.CreateDbContextAsync();
        // One transaction: the NOTIFY goes out with the status it announces, never before it.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id);
        var cancelled = experiment is null || experiment.CancelRequestedAt is not null;
        await EndAttemptAsync(db, attemptId, cancelled ? AttemptOutcomes.Cancelled : AttemptOutcomes.Interrupted, cancelled ? null : "runner stopped", now);
        var lastEpoch = await db.EpochMetrics.Where(r => r.ExperimentId == id).MaxAsync(r => (int?)r.Epoch) ?? 0;
        if (cancelled && experiment is not null)
        {
            experiment.Status = ExperimentStatuses.Cancelled;
            experiment.FinishedAt = now;
            await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: experiment.Status));
            await LogAsync(db, id, LogLevels.Info, $"cancelled after epoch {lastEpoch}", now);
        }
        else if (experiment is not null)
            await LogAsync(db, id, LogLevels.Warning, $"runner {identity.Name} stopping: the job goes back to the queue and resumes after epoch {lastEpoch}", now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (cancelled) logger.LogInformation("Experiment {Id} cancelled", id);
        return cancelled;
    }

    private async Task FailAsync(Guid id, long attemptId, string error)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        await EndAttemptAsync(db, attemptId, AttemptOutcomes.Failed, error, now);
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id);
        if (experiment is not null)
        {
            experiment.Status = ExperimentStatuses.Failed;
            experiment.Error = error;
            experiment.FinishedAt = now;
            await EventPublisher.PublishAsync(db, new ExperimentEvent(id, ExperimentEventKinds.StatusChanged, Status: experiment.Status));
            await LogAsync(db, id, LogLevels.Error, $"failed on runner {identity.Name}: {error}", now);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static Task LogAsync(PcDartsDbContext db, Guid id, string level, string text, DateTimeOffset now, CancellationToken ct = default) =>
        EventPublisher.PublishAsync(db, ExperimentEvent.Log(id, level, text, now), ct);

    private static async Task EndAttemptAsync(PcDartsDbContext db, long attemptId, string outcome, string? error, DateTimeOffset now)
    {
        var attempt = await db.JobAttempts.SingleAsync(a => a.Id == attemptId);
        attempt.Outcome = outcome;
        attempt.Error = error;
        attempt.FinishedAt = now;
    }

    private static string Describe(Exception e) => e switch
    {
        SpecValidationException spec => $"invalid spec: {spec.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
