using PcDarts.Core.Contracts;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Components.Queues;

namespace PcDarts.Web.Tests;

public sealed class QueueViewsTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_queue_table_shows_depth_oldest_wait_and_a_queue_nothing_will_start_on()
    {
        var cut = Render<QueueTable>(p => p
            .Add(c => c.Queues, [new QueueDto("cpu", 2, Now.AddMinutes(-3), 1, 1), new QueueDto("gpu", 1, Now.AddSeconds(-40), 0, 0)])
            .Add(c => c.Now, Now));

        var cpu = cut.Find("tr[data-queue=cpu]");
        var gpu = cut.Find("tr[data-queue=gpu]");
        Assert.Equal("2", cpu.QuerySelector("[data-depth]")!.TextContent);
        Assert.Contains("3 min", cpu.TextContent);
        Assert.DoesNotContain("nothing will start", cpu.TextContent);
        Assert.Contains("none: nothing will start", gpu.TextContent);
    }

    [Fact]
    public void A_queued_experiment_shows_its_position_and_reason_and_a_running_one_nothing()
    {
        var queued = Experiment(ExperimentStatuses.Queued) with { QueuePosition = 2, WaitingReason = "queue 'cpu': 1 ahead of it; all 1 runner(s) on this queue are busy" };

        var cut = Render<WaitingPanel>(p => p.Add(c => c.Experiment, queued));
        var running = Render<WaitingPanel>(p => p.Add(c => c.Experiment, Experiment(ExperimentStatuses.Running)));

        Assert.Equal("2", cut.Find("[data-queue-position]").TextContent);
        Assert.Equal(queued.WaitingReason, cut.Find("[data-waiting-reason]").TextContent);
        Assert.Empty(running.FindAll("[data-waiting]"));
    }

    private static ExperimentDto Experiment(string status) => new(
        Guid.NewGuid(), ExperimentKinds.Search, "s", [], status, "cpu", 1, null, null, Now, null, null, null, null, null, null, null, null, 0, null, []);
}
