namespace PcDarts.Persistence.Runs;

/// <summary>
/// When a runner counts as gone: its heartbeat is older than <see cref="MissedBeats"/> intervals. The runners list,
/// the cancel of a running experiment and the reaper that resumes a dead runner's experiment all use this one rule.
/// </summary>
public static class RunnerLiveness
{
    /// <summary>Short, so that a killed runner's experiment is resumed within seconds (a beat is one small UPDATE).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);
    public const int MissedBeats = 3;
    public static readonly TimeSpan StaleAfter = MissedBeats * HeartbeatInterval;

    public static bool IsAlive(DateTimeOffset heartbeatAt, DateTimeOffset now) => now - heartbeatAt < StaleAfter;
}
