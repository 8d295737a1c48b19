using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Core.Jobs;
using PcDarts.Core.Queues;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Queues;

/// <summary>
/// The queues as the platform's own rows tell them: queued experiments (oldest first is the order a queue hands them
/// out) and the runners whose heartbeat is fresh. The queue table, a queued experiment's place and the metrics read it.
/// </summary>
internal static class QueueBoard
{
    public static async Task<IReadOnlyList<QueueDto>> ListAsync(PcDartsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.Experiments.AsNoTracking().Where(e => e.Status == ExperimentStatuses.Queued)
            .GroupBy(e => e.Queue).Select(g => new { Queue = g.Key, Depth = g.Count(), Oldest = g.Min(e => e.CreatedAt) })
            .ToListAsync(ct);
        var live = await LiveRunnersAsync(db, now, ct);
        return JobQueues.All.Concat(waiting.Select(w => w.Queue)).Concat(live.SelectMany(r => r.Queues)).Distinct().Order(StringComparer.Ordinal)
            .Select(queue =>
            {
                var row = waiting.FirstOrDefault(w => w.Queue == queue);
                var serving = live.Where(r => r.Queues.Contains(queue)).ToList();
                return new QueueDto(queue, row?.Depth ?? 0, row?.Oldest, serving.Count, serving.Count(r => r.CurrentExperimentId is not null));
            })
            .ToList();
    }

    /// <summary>The experiment with its place in its queue and why it waits, when it is queued; as it is otherwise.</summary>
    public static async Task<ExperimentDto> WithWaitAsync(ExperimentDto experiment, PcDartsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (experiment.Status != ExperimentStatuses.Queued) return experiment;
        var ahead = await db.Experiments.AsNoTracking().CountAsync(e =>
            e.Status == ExperimentStatuses.Queued && e.Queue == experiment.Queue && e.Id != experiment.Id && e.CreatedAt < experiment.CreatedAt, ct);
        var serving = (await LiveRunnersAsync(db, now, ct)).Where(r => r.Queues.Contains(experiment.Queue)).ToList();
        var position = ahead + 1;
        return experiment with
        {
            QueuePosition = position,
            WaitingReason = QueueWait.Describe(experiment.Queue, position, serving.Count, serving.Count(r => r.CurrentExperimentId is not null)),
        };
    }

    public static async Task<List<Runner>> LiveRunnersAsync(PcDartsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // The runners table holds a row per node: small enough to judge liveness here, by the one rule.
        var runners = await db.Runners.AsNoTracking().ToListAsync(ct);
        return runners.Where(r => RunnerLiveness.IsAlive(r.HeartbeatAt, now)).ToList();
    }
}
