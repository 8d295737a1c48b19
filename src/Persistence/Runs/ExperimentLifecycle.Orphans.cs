using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Persistence.Runs;

public sealed partial class ExperimentLifecycle
{
    /// <summary>
    /// Experiments marked running with no running attempt and no sign of life (an attempt starting or ending, a log
    /// line) for <paramref name="grace"/>. No runner works on them and none will: nothing the heartbeat reaper looks at
    /// points to them. A crash between a status change and its attempt, or an attempt ended while the status change
    /// failed, leaves one; so does a job handed back by a runner that stops (its attempt ends interrupted while the job
    /// waits in the queue), which the grace lets another runner take up first.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FindOrphanedRunsAsync(TimeSpan grace, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - grace;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Orphaned(db, cutoff).Select(e => e.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Repairs one orphaned run as the heartbeat reaper repairs a dead runner's (<see cref="InterruptAsync"/>): queued
    /// again to resume from its last checkpoint, or cancelled, or failed after <paramref name="maxInterruptions"/>. The
    /// condition is checked again under the row lock that <see cref="BeginAttemptAsync"/> takes too, so an attempt that
    /// began meanwhile wins and nothing changes (null).
    /// </summary>
    public Task<Interruption?> RepairOrphanedRunAsync(Guid id, TimeSpan grace, int maxInterruptions, CancellationToken ct = default) =>
        factory.InTransactionAsync<Interruption?>(async (db, c) =>
        {
            var now = clock.GetUtcNow();
            var experiment = await LockAsync(db, id, c);
            if (experiment is null || !await Orphaned(db, now - grace).AnyAsync(e => e.Id == id, c)) return null;
            var since = await LastSignOfLifeAsync(db, experiment, c);
            var cause = since is { } at ? $"running with no live attempt for {(now - at).TotalSeconds:F0} s" : "running with no live attempt";
            return await EndOrRequeueAsync(db, experiment, cause, maxInterruptions, now, c);
        }, ct);

    private static IQueryable<Experiment> Orphaned(PcDartsDbContext db, DateTimeOffset cutoff) =>
        db.Experiments.AsNoTracking().Where(e => e.Status == ExperimentStatuses.Running
            && (e.StartedAt == null || e.StartedAt < cutoff)
            && !db.JobAttempts.Any(a => a.ExperimentId == e.Id
                && (a.Outcome == AttemptOutcomes.Running || a.StartedAt >= cutoff || a.FinishedAt >= cutoff))
            && !db.LogLines.Any(l => l.ExperimentId == e.Id && l.At >= cutoff));

    private static async Task<DateTimeOffset?> LastSignOfLifeAsync(PcDartsDbContext db, Experiment experiment, CancellationToken ct)
    {
        var attempt = await db.JobAttempts.Where(a => a.ExperimentId == experiment.Id)
            .MaxAsync(a => (DateTimeOffset?)(a.FinishedAt ?? a.StartedAt), ct);
        var line = await db.LogLines.Where(l => l.ExperimentId == experiment.Id)
            .OrderByDescending(l => l.Sequence).Select(l => (DateTimeOffset?)l.At).FirstOrDefaultAsync(ct);
        return new[] { experiment.StartedAt, attempt, line }.Max();
    }
}
