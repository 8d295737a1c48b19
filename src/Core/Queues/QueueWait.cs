using System.Globalization;

namespace PcDarts.Core.Queues;

/// <summary>
/// Why a queued experiment has not started: the one wording of the dashboard, REST (<c>waitingReason</c>) and
/// <c>pcdarts wait</c>. Position 1 is the next job its queue hands out.
/// </summary>
public static class QueueWait
{
    /// <param name="queue">The experiment's queue.</param>
    /// <param name="position">1-based place among the queue's queued experiments, oldest first.</param>
    /// <param name="liveRunners">Live runners (fresh heartbeat) that serve <paramref name="queue"/>.</param>
    /// <param name="busyRunners">Of those, the ones running an experiment now.</param>
    public static string Describe(string queue, int position, int liveRunners, int busyRunners)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        if (liveRunners == 0)
            return $"no live runner serves queue '{queue}': start one with `pcdarts-runner run --queues {queue}`";
        var ahead = position == 1 ? "next in line" : string.Create(CultureInfo.InvariantCulture, $"{position - 1} ahead of it");
        var free = liveRunners - Math.Min(busyRunners, liveRunners);
        return free > 0 && position <= free
            ? $"queue '{queue}': {ahead}; a free runner takes it within seconds"
            : string.Create(CultureInfo.InvariantCulture,
                $"queue '{queue}': {ahead}; all {liveRunners} runner(s) on this queue are busy");
    }
}
