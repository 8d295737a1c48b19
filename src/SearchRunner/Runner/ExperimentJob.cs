using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// Runs one stored experiment on this runner: the <see cref="ExperimentLifecycle"/> begins the attempt, the engine runs
/// on a thread of its own with a <see cref="PostgresRunStore"/> (which resumes from the last committed epoch), and the
/// lifecycle records how it ended. Safe to run twice: a finished or cancelled experiment is left alone, and a second
/// attempt resumes where the first stopped.
/// </summary>
public sealed partial class ExperimentJob(
    ExperimentLifecycle lifecycle, IDbContextFactory<PcDartsDbContext> factory, RunnerIdentity identity, TimeProvider clock,
    ILogger<ExperimentJob> logger) : IExperimentJob
{
    public async Task RunAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var attempt = await lifecycle.BeginAttemptAsync(experimentId, identity.Name, cancellationToken);
        if (attempt is null) return;
        logger.LogInformation("Experiment {Id}: attempt {Attempt} on {Runner}, resuming after epoch {Epoch}",
            experimentId, attempt.AttemptNumber, identity.Name, attempt.ResumedAfterEpoch);
        identity.Started(experimentId);
        try
        {
            var recorder = new RunRecorder(factory, experimentId, clock);
            // The engine is synchronous and CPU-bound: give it a thread of its own rather than a pool thread.
            var result = await Task.Factory.StartNew(
                () => RunEngine(attempt, recorder, cancellationToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await lifecycle.SucceedAsync(attempt, result);
            logger.LogInformation("Experiment {Id} succeeded: {Genotype}", experimentId, result.Genotype);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (await lifecycle.EndStoppedAsync(attempt, identity.Name))
            {
                logger.LogInformation("Experiment {Id} cancelled", experimentId);
                return;
            }
            throw; // shutting down: Hangfire puts the job back and the next attempt resumes from the checkpoint
        }
        catch (Exception e)
        {
            logger.LogError(e, "Experiment {Id} failed", experimentId);
            await lifecycle.FailAsync(attempt, identity.Name, Describe(e));
            throw; // the Hangfire job fails too (no automatic retry, see JobRetryPolicy)
        }
        finally
        {
            identity.Finished(experimentId);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        SpecValidationException spec => $"invalid spec: {spec.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
