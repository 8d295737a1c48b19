using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests.Lifecycle;

/// <summary>
/// Experiments left running with no running attempt: found and repaired once their grace has passed, by the same policy
/// as a dead runner's (re-queued, cancelled, or failed after the interruption limit), and left alone within it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrphanedRunTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_run_marked_running_without_its_attempt_is_requeued_with_no_job_once_the_grace_has_passed()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        await MarkRunningWithoutAttemptAsync(db, id, DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal([id], await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        var repair = await db.Lifecycle.RepairOrphanedRunAsync(id, Grace, maxInterruptions: 5);

        Assert.Equal(("17", true), (repair!.OldJobId, repair.Requeued));
        var queued = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Queued, (string?)null), (queued.Status, queued.HangfireJobId));
        Assert.Contains(await LogAsync(db, id), l => l.StartsWith("running with no live attempt for 60 s: re-queued to resume after epoch 0"));
        Assert.Empty(await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        // The dispatcher's new job resumes it.
        Assert.NotNull(await db.Lifecycle.BeginAttemptAsync(id, "runner-b", jobId: "18"));
    }

    [Fact]
    public async Task A_run_that_just_turned_running_is_left_alone_within_the_grace()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        await MarkRunningWithoutAttemptAsync(db, id, DateTimeOffset.UtcNow);

        Assert.Empty(await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        Assert.Null(await db.Lifecycle.RepairOrphanedRunAsync(id, Grace, maxInterruptions: 5));
        var running = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Running, "17"), (running.Status, running.HangfireJobId));
    }

    [Fact]
    public async Task A_run_with_a_running_attempt_is_never_an_orphan_however_old()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        Assert.NotNull(await db.Lifecycle.BeginAttemptAsync(id, "runner-a"));
        await BackdateAsync(db, id, TimeSpan.FromMinutes(10));

        Assert.Empty(await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        Assert.Null(await db.Lifecycle.RepairOrphanedRunAsync(id, Grace, maxInterruptions: 5));
        Assert.Equal(ExperimentStatuses.Running, (await db.ExperimentAsync(id)).Status);
    }

    [Fact]
    public async Task A_job_handed_back_that_nobody_took_up_is_requeued_or_failed_at_the_interruption_limit()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        // A runner stopping ends its attempt interrupted and hands the job back, leaving the experiment running.
        var attempt = (await db.Lifecycle.BeginAttemptAsync(id, "runner-a"))!;
        Assert.False(await db.Lifecycle.EndStoppedAsync(attempt, "runner-a"));
        Assert.Empty(await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        await BackdateAsync(db, id, TimeSpan.FromMinutes(1));

        Assert.Equal([id], await db.Lifecycle.FindOrphanedRunsAsync(Grace));
        var repair = await db.Lifecycle.RepairOrphanedRunAsync(id, Grace, maxInterruptions: 1);

        Assert.False(repair!.Requeued);
        var failed = await db.ExperimentAsync(id);
        Assert.Equal(ExperimentStatuses.Failed, failed.Status);
        Assert.NotNull(failed.FinishedAt);
        Assert.StartsWith("gave up after 1 interruptions: running with no live attempt for 60 s after epoch 0; at most 1 are resumed", failed.Error);
    }

    [Fact]
    public async Task An_orphaned_run_whose_cancel_was_requested_ends_cancelled()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        await MarkRunningWithoutAttemptAsync(db, id, DateTimeOffset.UtcNow.AddMinutes(-1), cancelRequested: true);

        var repair = await db.Lifecycle.RepairOrphanedRunAsync(id, Grace, maxInterruptions: 5);

        Assert.False(repair!.Requeued);
        Assert.Equal(ExperimentStatuses.Cancelled, (await db.ExperimentAsync(id)).Status);
    }

    /// <summary>What a crash between the status change and the attempt's insert leaves: running since <paramref name="at"/>, no attempt.</summary>
    private static async Task MarkRunningWithoutAttemptAsync(LifecycleDatabase db, Guid id, DateTimeOffset at, bool cancelRequested = false)
    {
        await using var context = db.Context();
        await context.Experiments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, ExperimentStatuses.Running)
            .SetProperty(e => e.StartedAt, at)
            .SetProperty(e => e.CancelRequestedAt, cancelRequested ? at : null));
    }

    /// <summary>Moves every timestamp of the experiment's run <paramref name="by"/> into the past, as if that long had passed.</summary>
    private static async Task BackdateAsync(LifecycleDatabase db, Guid id, TimeSpan by)
    {
        await using var context = db.Context();
        await context.Experiments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedAt, e => e.StartedAt - by));
        await context.JobAttempts.Where(a => a.ExperimentId == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.StartedAt, a => a.StartedAt - by)
            .SetProperty(a => a.FinishedAt, a => a.FinishedAt - by));
        await context.LogLines.Where(l => l.ExperimentId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.At, l => l.At - by));
    }

    private static async Task<List<string>> LogAsync(LifecycleDatabase db, Guid id)
    {
        await using var context = db.Context();
        return await context.LogLines.Where(l => l.ExperimentId == id).OrderBy(l => l.Sequence).Select(l => l.Text).ToListAsync();
    }
}
