namespace PcDarts.Api.Recovery;

/// <summary>Section "PcDarts:Reaper" of the configuration.</summary>
public sealed class ReaperOptions
{
    /// <summary>How often the elected instance looks for dead runners' attempts and experiments with no job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Interruptions (runners lost mid-run) after which an experiment fails instead of being resumed once more.</summary>
    public int MaxInterruptions { get; set; } = 5;
    /// <summary>
    /// How long an experiment may be running with no running attempt and no sign of life before it is re-queued: an
    /// attempt begins in the same transaction that marks it running, so this only waits for a job a stopping runner
    /// handed back to be taken up by another (seconds), and costs at most this long when nothing will take it up.
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// How long a new experiment may wait for the request that stored it to create its job before the dispatcher does:
    /// longer than a submission takes, short enough that a crash between the two steps costs seconds.
    /// </summary>
    public TimeSpan DispatchAfter { get; set; } = TimeSpan.FromSeconds(5);
}
