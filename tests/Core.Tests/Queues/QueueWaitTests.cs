using PcDarts.Core.Queues;

namespace PcDarts.Core.Tests.Queues;

public class QueueWaitTests
{
    [Fact]
    public void Without_a_live_runner_on_the_queue_it_says_so_and_how_to_start_one()
    {
        var reason = QueueWait.Describe("gpu", position: 1, liveRunners: 0, busyRunners: 0);

        Assert.StartsWith("no live runner serves queue 'gpu'", reason);
        Assert.Contains("pcdarts-runner run --queues gpu", reason);
    }

    [Fact]
    public void The_next_experiment_with_a_free_runner_starts_within_seconds()
    {
        Assert.Equal("queue 'cpu': next in line; a free runner takes it within seconds", QueueWait.Describe("cpu", 1, liveRunners: 1, busyRunners: 0));
    }

    [Fact]
    public void Behind_others_on_busy_runners_it_says_how_many_are_ahead()
    {
        Assert.Equal("queue 'cpu': 2 ahead of it; all 1 runner(s) on this queue are busy", QueueWait.Describe("cpu", 3, liveRunners: 1, busyRunners: 1));
        Assert.Equal("queue 'cpu': next in line; all 2 runner(s) on this queue are busy", QueueWait.Describe("cpu", 1, liveRunners: 2, busyRunners: 2));
    }
}
