using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;
using PcDarts.Persistence.Runs;

namespace PcDarts.Api.Tests.Lifecycle;

/// <summary>Each transition leaves the row, the status NOTIFY and the log line in agreement, on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExperimentLifecycleTests(PostgresCluster cluster)
{
    private static readonly RunResult Found = new("Genotype(normal=[], normal_concat=range(2, 6), reduce=[], reduce_concat=range(2, 6))", 1234, 5678, [1, 2, 3]);

    [Fact]
    public async Task A_run_that_begins_and_succeeds_writes_status_fields_log_line_and_notify_each_time()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();

        var attempt = await db.Lifecycle.BeginAttemptAsync(id, "runner-a");
        Assert.NotNull(attempt);
        var running = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Running, (DateTimeOffset?)null), (running.Status, running.FinishedAt));
        Assert.NotNull(running.StartedAt);
        Assert.Equal(("runner-a", AttemptOutcomes.Running, "17"), (running.Attempts.Single().Runner, running.Attempts.Single().Outcome, running.Attempts.Single().HangfireJobId));
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Running, LogLevels.Info, "started on runner runner-a");

        await db.Lifecycle.SucceedAsync(attempt, Found);
        var done = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Succeeded, Found.Genotype, 1234L, 5678L), (done.Status, done.Genotype, done.Parameters!.Value, done.MultiplyAdds!.Value));
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(AttemptOutcomes.Succeeded, done.Attempts.Single().Outcome);
        Assert.Equal([ArtifactKinds.Weights], done.Artifacts.Select(a => a.Kind));
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Succeeded, LogLevels.Info, "succeeded after 0 epochs");
    }

    [Fact]
    public async Task A_run_that_throws_ends_failed_with_its_error_on_the_row_the_attempt_and_the_log()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        var attempt = (await db.Lifecycle.BeginAttemptAsync(id, "runner-a"))!;
        await db.EventsAsync(2);

        await db.Lifecycle.FailAsync(attempt, "runner-a", "invalid spec: epochs must be positive");

        var failed = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Failed, "invalid spec: epochs must be positive"), (failed.Status, failed.Error));
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal((AttemptOutcomes.Failed, failed.Error), (failed.Attempts.Single().Outcome, failed.Attempts.Single().Error));
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Failed, LogLevels.Error, "failed on runner runner-a: invalid spec");
    }

    [Fact]
    public async Task A_cancel_while_queued_ends_it_at_once_and_no_runner_starts_it_afterwards()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();

        var request = await db.Lifecycle.RequestCancelAsync(id);
        Assert.False(request.AlreadyFinished);
        var cancelled = await db.ExperimentAsync(id);
        Assert.Equal(ExperimentStatuses.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.CancelRequestedAt);
        Assert.NotNull(cancelled.FinishedAt);
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled while queued");

        Assert.Null(await db.Lifecycle.BeginAttemptAsync(id, "runner-a"));
        Assert.True((await db.Lifecycle.RequestCancelAsync(id)).AlreadyFinished);
        Assert.Empty((await db.ExperimentAsync(id)).Attempts);
        Assert.Empty(await db.EventsAsync(0));
        Assert.Null((await db.Lifecycle.RequestCancelAsync(Guid.NewGuid())).Experiment);
    }

    [Fact]
    public async Task A_stop_is_a_cancel_only_when_one_was_requested_otherwise_the_next_attempt_resumes()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        var first = (await db.Lifecycle.BeginAttemptAsync(id, "runner-a"))!;
        await db.EventsAsync(2);

        Assert.False(await db.Lifecycle.EndStoppedAsync(first, "runner-a"));
        var interrupted = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Running, AttemptOutcomes.Interrupted), (interrupted.Status, interrupted.Attempts.Single().Outcome));
        var warning = Assert.Single(await db.EventsAsync(1));
        Assert.Equal((ExperimentEventKinds.LogLine, LogLevels.Warning), (warning.Kind, warning.Level));

        await db.AddLiveRunnerAsync("runner-b");
        var second = (await db.Lifecycle.BeginAttemptAsync(id, "runner-b"))!;
        Assert.Equal(2, second.AttemptNumber);
        await db.EventsAsync(2);
        Assert.False((await db.Lifecycle.RequestCancelAsync(id)).AlreadyFinished);
        Assert.Equal(ExperimentStatuses.Running, (await db.ExperimentAsync(id)).Status); // the runner decides when it stops
        Assert.Empty(await db.EventsAsync(0));

        Assert.True(await db.Lifecycle.EndStoppedAsync(second, "runner-b"));
        var cancelled = await db.ExperimentAsync(id);
        Assert.Equal(ExperimentStatuses.Cancelled, cancelled.Status);
        Assert.Equal([AttemptOutcomes.Interrupted, AttemptOutcomes.Cancelled], cancelled.Attempts.OrderBy(a => a.Id).Select(a => a.Outcome));
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Cancelled, LogLevels.Info, "cancelled after epoch 0");
    }

    [Fact]
    public async Task A_job_the_reaper_replaced_does_not_claim_the_experiment_back_when_it_is_taken_up_again()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        var first = (await db.Lifecycle.BeginAttemptAsync(id, "runner-a", jobId: "17"))!;

        var interruption = await db.Lifecycle.InterruptAsync(new StaleAttempt(first.AttemptId, id, "runner-a", null), maxInterruptions: 5);
        Assert.Equal("17", interruption!.OldJobId);
        Assert.Null((await db.ExperimentAsync(id)).HangfireJobId);

        // The dead runner's job, taken up by another worker once its invisibility ran out, finds it superseded.
        Assert.Null(await db.Lifecycle.BeginAttemptAsync(id, "runner-b", jobId: "17"));
        Assert.Equal(ExperimentStatuses.Queued, (await db.ExperimentAsync(id)).Status);
        // The dispatcher's new job runs it.
        Assert.NotNull(await db.Lifecycle.BeginAttemptAsync(id, "runner-b", jobId: "2"));
        var experiment = await db.ExperimentAsync(id);
        Assert.Equal((ExperimentStatuses.Running, "2"), (experiment.Status, experiment.HangfireJobId));
    }

    [Fact]
    public async Task A_job_whose_runners_keep_dying_fails_after_the_attempt_cap()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        var id = await db.AddQueuedSearchAsync();
        for (var i = 0; i < ExperimentLifecycle.MaxAttempts; i++) Assert.NotNull(await db.Lifecycle.BeginAttemptAsync(id, $"runner-{i}"));
        await db.EventsAsync(2 * ExperimentLifecycle.MaxAttempts);

        Assert.Null(await db.Lifecycle.BeginAttemptAsync(id, "runner-last"));
        var failed = await db.ExperimentAsync(id);
        Assert.Equal(ExperimentStatuses.Failed, failed.Status);
        Assert.Equal($"gave up after {ExperimentLifecycle.MaxAttempts} attempts whose runners were lost", failed.Error);
        Assert.All(failed.Attempts, a => Assert.Equal(AttemptOutcomes.Interrupted, a.Outcome));
        AssertLogThenStatus(await db.EventsAsync(2), ExperimentStatuses.Failed, LogLevels.Error, "gave up after");
    }

    [Fact]
    public async Task A_cancel_racing_a_begin_either_stops_it_before_it_starts_or_leaves_it_to_its_runner()
    {
        await using var db = await LifecycleDatabase.CreateAsync(cluster);
        await db.AddLiveRunnerAsync("runner-a");
        for (var i = 0; i < 20; i++)
        {
            var id = await db.AddQueuedSearchAsync();
            var begin = Task.Run(() => db.Lifecycle.BeginAttemptAsync(id, "runner-a"));
            var cancel = Task.Run(() => db.Lifecycle.RequestCancelAsync(id));
            await Task.WhenAll(begin, cancel);

            var row = await db.ExperimentAsync(id);
            Assert.NotNull(row.CancelRequestedAt);
            if (await begin is null)
            {
                // The cancel came first: cancelled while queued (or seen by the begin), and no attempt ran.
                Assert.Equal(ExperimentStatuses.Cancelled, row.Status);
                Assert.Empty(row.Attempts);
            }
            else
            {
                // The begin came first: the runner owns the stop, and records it as a cancel.
                Assert.Equal((ExperimentStatuses.Running, AttemptOutcomes.Running), (row.Status, row.Attempts.Single().Outcome));
                Assert.True(await db.Lifecycle.EndStoppedAsync((await begin)!, "runner-a"));
                Assert.Equal(ExperimentStatuses.Cancelled, (await db.ExperimentAsync(id)).Status);
            }
        }
    }

    private static void AssertLogThenStatus(List<ExperimentEvent> events, string status, string level, string textStart)
    {
        // The line first: a follower that stops at the status has already heard it.
        Assert.Equal(2, events.Count);
        Assert.Equal((ExperimentEventKinds.LogLine, level), (events[0].Kind, events[0].Level));
        Assert.StartsWith(textStart, events[0].Text);
        Assert.Equal((ExperimentEventKinds.StatusChanged, status), (events[1].Kind, events[1].Status));
    }
}
