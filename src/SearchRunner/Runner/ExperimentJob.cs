using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Resilience;
using PcDarts.Persistence.Runs;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// Runs one stored experiment on this runner: the <see cref="ExperimentLifecycle"/> begins the attempt, the engine runs
/// on a thread of its own with a <see cref="PostgresRunStore"/> (which resumes from the last committed epoch), and the
/// lifecycle records how it ended. Safe to run twice: a finished or cancelled experiment is left alone, a job that is
/// not the experiment's current one does nothing, and a second attempt resumes where the first stopped. A database
/// outage is waited out at every step (the engine keeps its finished epoch in memory meanwhile), bounded by the
/// job's token for the run and by the host's stop for recording how it ended.
/// </summary>
public sealed partial class ExperimentJob(
    ExperimentLifecycle lifecycle, IDbContextFactory<PcDartsDbContext> factory, RunnerIdentity identity, TimeProvider clock,
    IHostApplicationLifetime host, ILogger<ExperimentJob> logger) : IExperimentJob
{
    public async Task RunAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var jobId = CurrentJob.JobId;
        var attempt = await WaitOutAsync(c => lifecycle.BeginAttemptAsync(experimentId, identity.Name, jobId, c), "starting", experimentId, cancellationToken);
        if (attempt is null)
        {
            logger.LogInformation("Experiment {Id}: job {Job} has nothing to run (finished, cancelled, or not its current job)", experimentId, jobId);
            return;
        }
        logger.LogInformation("Experiment {Id}: attempt {Attempt} on {Runner}, resuming after epoch {Epoch}",
            experimentId, attempt.AttemptNumber, identity.Name, attempt.ResumedAfterEpoch);
        identity.Started(experimentId);
        var stopping = host.ApplicationStopping;
        await using var recorder = new RunRecorder(factory, experimentId, clock, logger, cancellationToken);
        try
        {
            var dataset = await WaitOutAsync(c => ResolveDatasetAsync(attempt, c), "resolving its data set", experimentId, cancellationToken);
            // The engine is synchronous and CPU-bound: give it a thread of its own rather than a pool thread.
            var result = await Task.Factory.StartNew(
                () => RunEngine(attempt, dataset, recorder, cancellationToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await recorder.FlushLogAsync(); // the run's lines before the line that ends it (during an outage they wait for the last flush)
            if (await WaitOutAsync(c => lifecycle.SucceedAsync(attempt, result, c), "recording success", experimentId, stopping))
                logger.LogInformation("Experiment {Id} succeeded: {Genotype}", experimentId, result.Genotype);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await recorder.FlushLogAsync();
            if (await WaitOutAsync(c => lifecycle.EndStoppedAsync(attempt, identity.Name, c), "recording the stop", experimentId, stopping))
            {
                logger.LogInformation("Experiment {Id} cancelled", experimentId);
                return;
            }
            throw; // shutting down: Hangfire puts the job back and the next attempt resumes from the checkpoint
        }
        catch (Exception e)
        {
            logger.LogError(e, "Experiment {Id} failed", experimentId);
            await recorder.FlushLogAsync();
            await WaitOutAsync(c => lifecycle.FailAsync(attempt, identity.Name, Describe(e), c), "recording the failure", experimentId, stopping);
            throw; // the Hangfire job fails too (no automatic retry, see JobRetryPolicy)
        }
        finally
        {
            identity.Finished(experimentId);
        }
    }

    private Task<T> WaitOutAsync<T>(Func<CancellationToken, Task<T>> work, string step, Guid experimentId, CancellationToken ct) =>
        DatabaseOutage.WaitOutAsync(work, logger, $"Experiment {experimentId}: {step}", clock, ct);

    private static string Describe(Exception e) => e switch
    {
        SpecValidationException spec => $"invalid spec: {spec.Message}",
        DatasetUnavailableException data => data.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
