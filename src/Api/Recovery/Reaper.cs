using Hangfire;
using Microsoft.Extensions.Options;
using PcDarts.Persistence.Resilience;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Recovery;

/// <summary>
/// Every API instance runs this loop; the elected one (<see cref="LeaderElection"/>) acts. It resumes the experiments
/// of runners that stopped sending heartbeats (<see cref="RunnerLiveness"/>): the attempt ends interrupted, the old
/// Hangfire job is deleted (a deleted job is not performed again when its invisibility expires) and the experiment is
/// queued again with no job, which the <see cref="JobDispatcher"/> in the same loop gives a new one. Right after a
/// database outage nobody's heartbeat is fresh, so it reaps only once it has seen the database up for a whole
/// liveness window: live runners have beaten again by then. It also re-queues experiments left running with no
/// running attempt at all (<see cref="ExperimentLifecycle.FindOrphanedRunsAsync"/>).
/// </summary>
internal sealed class Reaper(
    ExperimentLifecycle lifecycle, JobDispatcher dispatcher, IBackgroundJobClient jobs, LeaderElection election,
    IOptions<ReaperOptions> options, TimeProvider clock, ILogger<Reaper> logger) : BackgroundService
{
    private DateTimeOffset? _upSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = new OutageLog(logger, "Reaper", clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = options.Value.Interval;
            try
            {
                if (await election.TryLeadAsync(stoppingToken)) await ActAsync(stoppingToken);
                outage.Succeeded();
                _upSince ??= clock.GetUtcNow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (TransientErrors.IsTransient(e))
            {
                _upSince = null;
                delay = outage.Failed(e);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reaper: a round failed");
            }
            try { await Task.Delay(delay, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task ActAsync(CancellationToken ct)
    {
        if (_upSince is { } up && clock.GetUtcNow() - up >= RunnerLiveness.StaleAfter)
            foreach (var stale in await lifecycle.FindStaleAttemptsAsync(ct))
            {
                if (await lifecycle.InterruptAsync(stale, options.Value.MaxInterruptions, ct) is not { } interruption) continue;
                logger.LogWarning("Experiment {Id}: runner {Runner} lost; {What}", stale.ExperimentId, stale.Runner, Outcome(interruption));
                if (interruption.OldJobId is { } old) jobs.Delete(old);
            }
        // Independent of heartbeats, so no need to wait for a liveness window: the grace is measured on the rows.
        foreach (var orphan in await lifecycle.FindOrphanedRunsAsync(options.Value.OrphanGrace, ct))
        {
            if (await lifecycle.RepairOrphanedRunAsync(orphan, options.Value.OrphanGrace, options.Value.MaxInterruptions, ct) is not { } repair) continue;
            logger.LogWarning("Experiment {Id}: running with no live attempt; {What}", orphan, Outcome(repair));
            if (repair.OldJobId is { } old) jobs.Delete(old);
        }
        if (await dispatcher.DispatchPendingAsync(ct) is > 0 and var created)
            logger.LogInformation("Dispatcher: created {Count} job(s) for queued experiments without one", created);
    }

    private static string Outcome(Interruption interruption) =>
        interruption.Requeued ? "re-queued to resume from its last checkpoint" : "ended";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await election.DisposeAsync();
    }
}
