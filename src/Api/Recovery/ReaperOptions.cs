namespace PcDarts.Api.Recovery;

/// <summary>Section "PcDarts:Reaper" of the configuration.</summary>
public sealed class ReaperOptions
{
    /// <summary>How often the elected instance looks for dead runners' attempts and experiments with no job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Interruptions (runners lost mid-run) after which an experiment fails instead of being resumed once more.</summary>
    public int MaxInterruptions { get; set; } = 5;
    /// <summary>
    /// How long a new experiment may wait for the request that stored it to create its job before the dispatcher does:
    /// longer than a submission takes, short enough that a crash between the two steps costs seconds.
    /// </summary>
    public TimeSpan DispatchAfter { get; set; } = TimeSpan.FromSeconds(5);
}
